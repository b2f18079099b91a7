import type { OrganizationPublic } from '@stinet/shared';
import { Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { CodeLabel } from '../../components/CodeLabel';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, LoadingState } from '../../components/States';
import { useUnitName } from '../../components/UnitName';
import { formatDate, formatNumber } from '../../lib/format';
import { usePublicRecord } from '../../lib/preload';
import { useResearchers } from '../researchers/api';

/** The public record of an S&T organization with its researchers. */
export function OrganizationPublicPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { user } = useAuth();
  const unitName = useUnitName();
  // The key of useOrganization (./api), so its invalidations reach this query; the server's preload is its initial data
  const query = usePublicRecord<OrganizationPublic>(['organizations', 'public', id], id ? `/api/organizations/${id}` : undefined);
  const researchers = useResearchers({ organizationId: id, pageSize: 50, sort: 'name' }, { enabled: Boolean(id) });

  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const org = query.data;

  return (
    <>
      <PageHeader
        eyebrow={org.code}
        title={org.nameVi}
        description={[org.nameAbbr, org.nameEn].filter(Boolean).join(' · ') || undefined}
        actions={
          <>
            <Button component={Link} to="/organizations" variant="default">
              {t('common.backToList')}
            </Button>
            {user ? (
              <Button component={Link} to={`/staff/organizations/${org.id}`} variant="light">
                {t('organizations.openInStaff')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Card withBorder>
          <DetailList
            items={[
              { label: t('organizations.fields.address'), value: org.address },
              { label: t('organizations.fields.provinceUnitId'), value: unitName(org.provinceUnit) },
              { label: t('organizations.fields.managingUnitId'), value: unitName(org.managingUnit) },
              { label: t('organizations.fields.phone'), value: org.phone },
              { label: t('organizations.fields.email'), value: org.email ? <Anchor href={`mailto:${org.email}`}>{org.email}</Anchor> : null },
              {
                label: t('organizations.fields.website'),
                value: org.website ? (
                  <Anchor href={org.website} target="_blank" rel="noopener noreferrer">
                    {org.website}
                  </Anchor>
                ) : null,
              },
              { label: t('organizations.fields.foundingDate'), value: formatDate(org.foundingDate) },
              { label: t('organizations.fields.orgTypeCode'), value: <CodeLabel scheme="ORG_TYPE" code={org.orgTypeCode} /> },
              { label: t('organizations.fields.economicTypeCode'), value: <CodeLabel scheme="ECONOMIC_TYPE" code={org.economicTypeCode} /> },
              { label: t('organizations.fields.mainFieldCode'), value: <CodeLabel scheme="FOS2025" code={org.mainFieldCode} withCode /> },
            ]}
          />
        </Card>
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="lg">
              {t('organizations.researchersTitle')}
            </Title>
            {researchers.data ? (
              <Text size="sm" c="dimmed">
                {t('common.totalCount', { total: formatNumber(researchers.data.total) })}
              </Text>
            ) : null}
          </Group>
          {researchers.error ? (
            <ErrorAlert error={researchers.error} onRetry={() => void researchers.refetch()} />
          ) : !researchers.data ? (
            <LoadingState />
          ) : researchers.data.items.length === 0 ? (
            <EmptyState message={t('researchers.emptyForOrganization')} />
          ) : (
            <List spacing={4}>
              {researchers.data.items.map((r) => (
                <List.Item key={r.id}>
                  <AppLink to={`/researchers/${r.id}`}>{r.fullName}</AppLink>
                  {r.position ? (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      · {r.position}
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </Stack>
    </>
  );
}
