import type { ResearcherFull } from '@stinet/shared';
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { AppLink } from '../../components/AppLink';
import { CodeLabel } from '../../components/CodeLabel';
import { DetailList } from '../../components/DetailList';
import { RecordStaffView } from '../../components/RecordStaffView';
import { formatDateTime } from '../../lib/format';
import { useResearcherFull, useUpdateResearcher } from './api';
import { ResearcherForm } from './ResearcherForm';

function ResearcherDetails({ r }: { r: ResearcherFull }) {
  const { t } = useTranslation();
  return (
    <DetailList
      cols={3}
      items={[
        { label: t('researchers.fields.fullName'), value: r.fullName },
        { label: t('researchers.fields.gender'), value: t(`researchers.genders.${r.gender}`) },
        { label: t('researchers.fields.birthYear'), value: r.birthYear === null ? null : String(r.birthYear) },
        { label: t('researchers.fields.academicTitleCode'), value: r.academicTitleCode ? <CodeLabel scheme="ACADEMIC_TITLE" code={r.academicTitleCode} /> : null },
        { label: t('researchers.fields.qualificationCode'), value: r.qualificationCode ? <CodeLabel scheme="QUALIFICATION" code={r.qualificationCode} /> : null },
        { label: t('researchers.fields.fieldCode'), value: r.fieldCode ? <CodeLabel scheme="FOS2025" code={r.fieldCode} withCode /> : null },
        { label: t('researchers.fields.organizationId'), value: <AppLink to={`/staff/organizations/${r.organization.id}`}>{r.organization.nameVi}</AppLink> },
        { label: t('researchers.fields.position'), value: r.position },
        {
          label: t('researchers.fields.orcid'),
          value: r.orcid ? (
            <Anchor href={`https://orcid.org/${r.orcid}`} target="_blank" rel="noopener noreferrer">
              {r.orcid}
            </Anchor>
          ) : null,
        },
        { label: t('researchers.fields.email'), value: r.email ? <Anchor href={`mailto:${r.email}`}>{r.email}</Anchor> : null },
        { label: t('researchers.fields.phone'), value: r.phone },
        { label: t('organizations.createdAt'), value: formatDateTime(r.createdAt) },
        { label: t('organizations.updatedAt'), value: formatDateTime(r.updatedAt) },
      ]}
    />
  );
}

/** The staff view of a researcher: the full record, an edit form when allowed (with version check) and the change history. */
export function ResearcherStaffPage() {
  const { id } = useParams();
  const query = useResearcherFull(id);
  const update = useUpdateResearcher(id ?? '');
  return (
    <RecordStaffView
      resource="researchers"
      id={id}
      query={query}
      update={update}
      title={(r) => r.fullName}
      description={(r) => r.organization.nameVi}
      details={(r) => <ResearcherDetails r={r} />}
      form={ResearcherForm}
    />
  );
}
