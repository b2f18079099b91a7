import type { OrganizationFull } from '@stinet/shared';
import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { AppLink } from '../../components/AppLink';
import { CodeLabel } from '../../components/CodeLabel';
import { DetailSection, longText } from '../../components/DetailList';
import { RecordStaffView } from '../../components/RecordStaffView';
import { useUnitName } from '../../components/UnitName';
import { formatDate, formatDateTime } from '../../lib/format';
import { useOrganizationFull, useUpdateOrganization } from './api';
import { OrganizationForm } from './OrganizationForm';

function OrganizationDetails({ org }: { org: OrganizationFull }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const f = (key: Parameters<typeof fieldKey>[0]) => t(fieldKey(key));
  return (
    <Stack gap="lg">
      <DetailSection
        id="org-names"
        title={t('organizations.groups.names')}
        items={[
          { label: f('nameVi'), value: org.nameVi },
          { label: f('nameAbbr'), value: org.nameAbbr },
          { label: f('nameEn'), value: org.nameEn },
        ]}
      />
      <DetailSection
        id="org-contact"
        title={t('organizations.groups.contact')}
        items={[
          { label: f('address'), value: org.address },
          { label: f('provinceUnitId'), value: <AppLink to={`/staff/org-units/${org.provinceUnit.id}`}>{unitName(org.provinceUnit)}</AppLink> },
          { label: f('managingUnitId'), value: <AppLink to={`/staff/org-units/${org.managingUnit.id}`}>{unitName(org.managingUnit)}</AppLink> },
          { label: f('phone'), value: org.phone },
          { label: f('fax'), value: org.fax },
          { label: f('email'), value: org.email ? <Anchor href={`mailto:${org.email}`}>{org.email}</Anchor> : null },
          {
            label: f('website'),
            value: org.website ? (
              <Anchor href={org.website} target="_blank" rel="noopener noreferrer">
                {org.website}
              </Anchor>
            ) : null,
          },
        ]}
      />
      <DetailSection
        id="org-founding"
        title={t('organizations.groups.founding')}
        items={[
          { label: f('foundingDecisionNo'), value: org.foundingDecisionNo },
          { label: f('foundingDate'), value: formatDate(org.foundingDate) },
          { label: f('foundingAuthorityCode'), value: org.foundingAuthorityCode ? <CodeLabel scheme="FOUNDING_AUTHORITY" code={org.foundingAuthorityCode} /> : null },
        ]}
      />
      <DetailSection
        id="org-typology"
        title={t('organizations.groups.typology')}
        items={[
          { label: f('orgTypeCode'), value: <CodeLabel scheme="ORG_TYPE" code={org.orgTypeCode} /> },
          { label: f('economicTypeCode'), value: <CodeLabel scheme="ECONOMIC_TYPE" code={org.economicTypeCode} /> },
          { label: f('mainFieldCode'), value: <CodeLabel scheme="FOS2025" code={org.mainFieldCode} withCode /> },
        ]}
      />
      <DetailSection
        id="org-registration"
        title={t('organizations.groups.registration')}
        items={[
          { label: f('taxCode'), value: org.taxCode },
          { label: f('stRegCertNo'), value: org.stRegCertNo },
          { label: f('stRegCertDate'), value: formatDate(org.stRegCertDate) },
          { label: f('stRegCertIssuer'), value: org.stRegCertIssuer },
        ]}
      />
      <DetailSection
        id="org-internal"
        title={t('organizations.groups.internal')}
        items={[
          { label: f('internalNote'), value: longText(org.internalNote) },
          { label: t('organizations.createdAt'), value: formatDateTime(org.createdAt) },
          { label: t('organizations.updatedAt'), value: formatDateTime(org.updatedAt) },
        ]}
      />
    </Stack>
  );
}

type OrgFieldKey =
  | 'nameVi'
  | 'nameAbbr'
  | 'nameEn'
  | 'address'
  | 'provinceUnitId'
  | 'managingUnitId'
  | 'phone'
  | 'fax'
  | 'email'
  | 'website'
  | 'foundingDecisionNo'
  | 'foundingDate'
  | 'foundingAuthorityCode'
  | 'orgTypeCode'
  | 'economicTypeCode'
  | 'taxCode'
  | 'stRegCertNo'
  | 'stRegCertDate'
  | 'stRegCertIssuer'
  | 'mainFieldCode'
  | 'internalNote';

function fieldKey<K extends OrgFieldKey>(key: K): `organizations.fields.${K}` {
  return `organizations.fields.${key}`;
}

/** The staff view of an organization: the full record, an edit form when allowed (with version check) and the change history. */
export function OrganizationStaffPage() {
  const { id } = useParams();
  const query = useOrganizationFull(id);
  const update = useUpdateOrganization(id ?? '');
  return (
    <RecordStaffView
      resource="organizations"
      id={id}
      query={query}
      update={update}
      title={(org) => org.nameVi}
      description={(org) => [org.nameAbbr, org.nameEn].filter(Boolean).join(' · ') || undefined}
      details={(org) => <OrganizationDetails org={org} />}
      form={OrganizationForm}
    />
  );
}
