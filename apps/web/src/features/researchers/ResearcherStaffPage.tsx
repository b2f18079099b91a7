import type { ResearcherFull, ResearcherUpdate } from '@stinet/shared';
import { Anchor, Badge, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { AppLink } from '../../components/AppLink';
import { HistoryList } from '../../components/ChangeTable';
import { renderRecordValue } from '../../components/HistoryValues';
import { CodeLabel } from '../../components/CodeLabel';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState } from '../../components/States';
import { fieldLabeller } from '../../lib/fieldLabel';
import { formatDateTime } from '../../lib/format';
import { useResearcherFull, useResearcherHistory, useUpdateResearcher } from './api';
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
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useResearcherFull(id);
  const update = useUpdateResearcher(id ?? '');
  const [tab, setTab] = useState<string | null>('details');
  const [editing, setEditing] = useState(false);
  const [historyPage, setHistoryPage] = useState(1);
  const history = useResearcherHistory(tab === 'history' ? id : undefined, historyPage);

  if (query.error) {
    return (
      <Stack>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        {id ? (
          <Group>
            <Button component={Link} to={`/researchers/${id}`} variant="default">
              {t('organizations.publicView')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }
  if (!query.data) return <LoadingState />;
  const r = query.data;

  return (
    <>
      <PageHeader
        eyebrow={
          <Group gap="xs" component="span">
            <span>{r.code}</span>
            <Badge size="sm" variant="light" color={r.canEdit ? 'green' : 'gray'}>
              {r.canEdit ? t('organizations.editable') : t('organizations.readOnly')}
            </Badge>
          </Group>
        }
        title={r.fullName}
        description={r.organization.nameVi}
        actions={
          <>
            <Button component={Link} to="/staff/researchers" variant="default">
              {t('common.backToList')}
            </Button>
            <Button component={Link} to={`/researchers/${r.id}`} variant="default">
              {t('organizations.publicView')}
            </Button>
            {r.canEdit && !editing ? (
              <Button
                onClick={() => {
                  update.reset();
                  setTab('details');
                  setEditing(true);
                }}
              >
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details">{t('researchers.tabDetails')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('history.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <Card withBorder>
            {editing ? (
              <>
                <Title order={2} fz="lg" mb="md">
                  {t('researchers.editTitle')}
                </Title>
                <ResearcherForm
                  key={`${r.id}-${r.version}`}
                  initial={r}
                  submitting={update.isPending}
                  error={update.error}
                  onReload={() => {
                    update.reset();
                    void query.refetch();
                  }}
                  onCancel={() => {
                    update.reset();
                    setEditing(false);
                  }}
                  onSubmit={async (body) => {
                    await update.mutateAsync(body as ResearcherUpdate);
                    notifications.show({ color: 'green', message: t('common.saved') });
                    setEditing(false);
                  }}
                />
              </>
            ) : (
              <ResearcherDetails r={r} />
            )}
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <Card withBorder>
            <Text size="sm" c="dimmed" mb="sm">
              {t('history.description')}
            </Text>
            <HistoryList
              data={history.data}
              isLoading={history.isPending}
              error={history.error}
              onRetry={() => void history.refetch()}
              page={historyPage}
              onPageChange={setHistoryPage}
              renderValue={renderRecordValue}
              fieldLabel={fieldLabeller('researchers.fields')}
            />
          </Card>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
