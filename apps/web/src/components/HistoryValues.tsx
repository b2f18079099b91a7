import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnit } from '../features/org-units/api';
import { useOrganization } from '../features/organizations/api';
import { CodeLabel } from './CodeLabel';
import { useUnitName } from './UnitName';

/** Shows an org unit's name for its id (the id while loading or when unknown). */
export function UnitById({ id }: { id: string }) {
  const query = useOrgUnit(id);
  const unitName = useUnitName();
  return <>{query.data ? unitName(query.data) : id}</>;
}

/** Shows an organization's name for its id (the id while loading or when unknown). */
export function OrganizationById({ id }: { id: string }) {
  const query = useOrganization(id);
  return <>{query.data ? query.data.nameVi : id}</>;
}

function GenderLabel({ value }: { value: string }) {
  const { t } = useTranslation();
  return <>{value === 'M' || value === 'F' ? t(`researchers.genders.${value}`) : value}</>;
}

const CODE_SCHEMES: Record<string, { scheme: string; withCode?: boolean }> = {
  orgTypeCode: { scheme: 'ORG_TYPE' },
  economicTypeCode: { scheme: 'ECONOMIC_TYPE' },
  foundingAuthorityCode: { scheme: 'FOUNDING_AUTHORITY' },
  mainFieldCode: { scheme: 'FOS2025', withCode: true },
  fieldCode: { scheme: 'FOS2025', withCode: true },
  qualificationCode: { scheme: 'QUALIFICATION' },
  academicTitleCode: { scheme: 'ACADEMIC_TITLE' },
  levelCode: { scheme: 'TASK_LEVEL' },
  formCode: { scheme: 'TASK_FORM' },
  seoCode: { scheme: 'SEO' },
  fieldCodes2025: { scheme: 'FOS2025', withCode: true },
  fieldCodes2008: { scheme: 'FOS2008', withCode: true },
};

function toCamel(field: string): string {
  return field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Renders audit values of organization, researcher and task fields readably: code labels for classification
 * codes (one per line for lists of codes), names for unit and organization ids, translated gender. Returns
 * undefined for other fields.
 */
export function renderRecordValue(field: string, value: unknown): ReactNode | undefined {
  const key = toCamel(field);
  const code = CODE_SCHEMES[key];
  if (code && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    if (value.length === 0) return undefined;
    return value.map((v: string) => (
      <span key={v} style={{ display: 'block' }}>
        <CodeLabel scheme={code.scheme} code={v} withCode={code.withCode ?? false} />
      </span>
    ));
  }
  if (typeof value !== 'string' || value === '') return undefined;
  if (code) return <CodeLabel scheme={code.scheme} code={value} withCode={code.withCode ?? false} />;
  if (key === 'provinceUnitId' || key === 'managingUnitId') return <UnitById id={value} />;
  if (key === 'organizationId' || key === 'leadOrganizationId') return <OrganizationById id={value} />;
  if (key === 'gender') return <GenderLabel value={value} />;
  return undefined;
}
