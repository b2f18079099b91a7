import type { OrganizationFull, OrganizationUpdate } from '@stinet/shared';
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
import { useUnitName } from '../../components/UnitName';
import { fieldLabeller } from '../../lib/fieldLabel';
import { formatDate, formatDateTime } from '../../lib/format';
import { useOrganizationFull, useOrganizationHistory, useUpdateOrganization } from './api';
import { OrganizationForm } from './OrganizationForm';

function OrganizationDetails({ org }: { org: OrganizationFull }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const f = (key: Parameters<typeof fieldKey>[0]) => t(fieldKey(key));
  return (
    <Stack gap="lg">
      <section aria-labelledby="org-names">
        <Title order={2} fz="md" id="org-names" mb="xs">
          {t('organizations.groups.names')}
        </Title>
        <DetailList
          cols={3}
          items={[
            { label: f('nameVi'), value: org.nameVi },
            { label: f('nameAbbr'), value: org.nameAbbr },
            { label: f('nameEn'), value: org.nameEn },
          ]}
        />
      </section>
      <section aria-labelledby="org-contact">
        <Title order={2} fz="md" id="org-contact" mb="xs">
          {t('organizations.groups.contact')}
        </Title>
        <DetailList
          cols={3}
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
      </section>
      <section aria-labelledby="org-founding">
        <Title order={2} fz="md" id="org-founding" mb="xs">
          {t('organizations.groups.founding')}
        </Title>
        <DetailList
          cols={3}
          items={[
            { label: f('foundingDecisionNo'), value: org.foundingDecisionNo },
            { label: f('foundingDate'), value: formatDate(org.foundingDate) },
            { label: f('foundingAuthorityCode'), value: org.foundingAuthorityCode ? <CodeLabel scheme="FOUNDING_AUTHORITY" code={org.foundingAuthorityCode} /> : null },
          ]}
        />
      </section>
      <section aria-labelledby="org-typology">
        <Title order={2} fz="md" id="org-typology" mb="xs">
          {t('organizations.groups.typology')}
        </Title>
        <DetailList
          cols={3}
          items={[
            { label: f('orgTypeCode'), value: <CodeLabel scheme="ORG_TYPE" code={org.orgTypeCode} /> },
            { label: f('economicTypeCode'), value: <CodeLabel scheme="ECONOMIC_TYPE" code={org.economicTypeCode} /> },
            { label: f('mainFieldCode'), value: <CodeLabel scheme="FOS2025" code={org.mainFieldCode} withCode /> },
          ]}
        />
      </section>
      <section aria-labelledby="org-registration">
        <Title order={2} fz="md" id="org-registration" mb="xs">
          {t('organizations.groups.registration')}
        </Title>
        <DetailList
          cols={3}
          items={[
            { label: f('taxCode'), value: org.taxCode },
            { label: f('stRegCertNo'), value: org.stRegCertNo },
            { label: f('stRegCertDate'), value: formatDate(org.stRegCertDate) },
            { label: f('stRegCertIssuer'), value: org.stRegCertIssuer },
          ]}
        />
      </section>
      <section aria-labelledby="org-internal">
        <Title order={2} fz="md" id="org-internal" mb="xs">
          {t('organizations.groups.internal')}
        </Title>
        <DetailList
          cols={3}
          items={[
            { label: f('internalNote'), value: org.internalNote ? <span style={{ whiteSpace: 'pre-wrap' }}>{org.internalNote}</span> : null },
            { label: t('organizations.createdAt'), value: formatDateTime(org.createdAt) },
            { label: t('organizations.updatedAt'), value: formatDateTime(org.updatedAt) },
          ]}
        />
      </section>
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
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useOrganizationFull(id);
  const update = useUpdateOrganization(id ?? '');
  const [tab, setTab] = useState<string | null>('details');
  const [editing, setEditing] = useState(false);
  const [historyPage, setHistoryPage] = useState(1);
  const history = useOrganizationHistory(tab === 'history' ? id : undefined, historyPage);

  if (query.error) {
    return (
      <Stack>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        {id ? (
          <Group>
            <Button component={Link} to={`/organizations/${id}`} variant="default">
              {t('organizations.publicView')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }
  if (!query.data) return <LoadingState />;
  const org = query.data;

  const reload = async () => {
    update.reset();
    await query.refetch();
  };

  return (
    <>
      <PageHeader
        eyebrow={
          <Group gap="xs" component="span">
            <span>{org.code}</span>
            <Badge size="sm" variant="light" color={org.canEdit ? 'green' : 'gray'}>
              {org.canEdit ? t('organizations.editable') : t('organizations.readOnly')}
            </Badge>
          </Group>
        }
        title={org.nameVi}
        description={[org.nameAbbr, org.nameEn].filter(Boolean).join(' · ') || undefined}
        actions={
          <>
            <Button component={Link} to="/staff/organizations" variant="default">
              {t('common.backToList')}
            </Button>
            <Button component={Link} to={`/organizations/${org.id}`} variant="default">
              {t('organizations.publicView')}
            </Button>
            {org.canEdit && !editing ? (
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
          <Tabs.Tab value="details">{t('organizations.tabDetails')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('history.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <Card withBorder>
            {editing ? (
              <>
                <Title order={2} fz="lg" mb="md">
                  {t('organizations.editTitle')}
                </Title>
                <OrganizationForm
                  key={`${org.id}-${org.version}`}
                  initial={org}
                  submitting={update.isPending}
                  error={update.error}
                  onReload={() => void reload()}
                  onCancel={() => {
                    update.reset();
                    setEditing(false);
                  }}
                  onSubmit={async (body) => {
                    await update.mutateAsync(body as OrganizationUpdate);
                    notifications.show({ color: 'green', message: t('common.saved') });
                    setEditing(false);
                  }}
                />
              </>
            ) : (
              <OrganizationDetails org={org} />
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
              fieldLabel={fieldLabeller('organizations.fields')}
            />
          </Card>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
