import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { DetailList } from '../../components/DetailList';
import { PageHeader } from '../../components/PageHeader';
import { useUnitName } from '../../components/UnitName';
import { formatDateTime } from '../../lib/format';
import { useOrganizations, type OrganizationFilters } from '../organizations/api';
import { useResearchers } from '../researchers/api';
import { useTaskWork } from '../tasks/api';
import { TaskBoardCard } from '../tasks/TaskBoardCard';
import { useHealth } from './api';
import { StatCard } from './StatCard';

/** The staff dashboard: who is signed in, counts within the user's scope, shortcuts and system status. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const unitName = useUnitName();
  const health = useHealth();
  const scope = user?.role === 'focal_officer' ? user.scopeUnit : null;
  const orgFilters: OrganizationFilters = { pageSize: 1 };
  if (scope?.kind === 'province') orgFilters.provinceUnitId = scope.id;
  else if (scope) orgFilters.managingUnitId = scope.id;
  const organizations = useOrganizations(orgFilters);
  const researchers = useResearchers({
    pageSize: 1,
    ...(scope?.kind === 'province' ? { provinceUnitId: scope.id } : {}),
    ...(user?.role === 'org_reporter' && user.organization ? { organizationId: user.organization.id } : {}),
  });
  // what waits for the user: returned tasks for a reporter, submitted ones for those who review
  const waitingStatus = user?.role === 'org_reporter' ? 'returned' : 'submitted';
  const waitingTasks = useTaskWork({ status: waitingStatus, pageSize: 1 });
  if (!user) return null;
  const scopeName = user.scopeUnit ? unitName(user.scopeUnit) : user.organization ? user.organization.nameVi : t('staff.scopeNational');

  return (
    <>
      <PageHeader title={t('dashboard.title', { name: user.displayName })} description={t('dashboard.description')} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Card withBorder padding="lg">
            <Text size="sm" c="dimmed" fw={600}>
              {t('dashboard.account')}
            </Text>
            <Text fw={600} mt={4}>
              {user.displayName}{' '}
              <Text span c="dimmed" size="sm">
                ({user.username})
              </Text>
            </Text>
            <Group gap="xs" mt={4}>
              <Badge variant="light">{t(`roles.${user.role}`)}</Badge>
            </Group>
            <Text size="sm" mt="xs">
              {t('dashboard.scope')}: {scopeName}
            </Text>
            {user.lastLoginAt ? (
              <Text size="xs" c="dimmed" mt={4}>
                {t('dashboard.lastLogin', { at: formatDateTime(user.lastLoginAt) })}
              </Text>
            ) : null}
          </Card>
          <StatCard
            label={scope ? t('dashboard.organizationsInScope') : t('home.organizations')}
            value={organizations.data?.total}
            error={organizations.error}
            to="/staff/organizations"
            linkLabel={t('home.seeOrganizations')}
          />
          <StatCard
            label={scope?.kind === 'province' || user.role === 'org_reporter' ? t('dashboard.researchersInScope') : t('home.researchers')}
            value={researchers.data?.total}
            error={researchers.error}
            to="/staff/researchers"
            linkLabel={t('home.seeResearchers')}
          />
          <StatCard
            label={waitingStatus === 'returned' ? t('dashboard.tasksReturned') : t('dashboard.tasksToReview')}
            value={waitingTasks.data?.total}
            error={waitingTasks.error}
            to={`/staff/tasks?status=${waitingStatus}`}
            linkLabel={t('dashboard.seeTasks')}
          />
        </SimpleGrid>

        {hasRole('national_admin', 'focal_officer', 'org_reporter') ? <TaskBoardCard /> : null}

        <Card withBorder>
          <Title order={2} fz="lg" mb="sm">
            {t('dashboard.shortcuts')}
          </Title>
          <Group>
            {hasRole('national_admin', 'focal_officer') ? (
              <Button component={Link} to="/staff/organizations/new">
                {t('organizations.create')}
              </Button>
            ) : null}
            {hasRole('national_admin', 'focal_officer', 'org_reporter') ? (
              <Button component={Link} to="/staff/researchers/new" variant="light">
                {t('researchers.create')}
              </Button>
            ) : null}
            {hasRole('national_admin', 'focal_officer', 'org_reporter') ? (
              <Button component={Link} to="/staff/tasks/new" variant="light">
                {t('tasks.create')}
              </Button>
            ) : null}
            {user.organization ? (
              <Button component={Link} to={`/staff/organizations/${user.organization.id}`} variant="light">
                {t('organizations.myOrganization')}
              </Button>
            ) : null}
            {scope ? (
              <Button component={Link} to={`/staff/focal-points?unit=${scope.id}`} variant="light">
                {t('dashboard.myFocalPoint')}
              </Button>
            ) : null}
            {hasRole('national_admin') ? (
              <Button component={Link} to="/staff/audit" variant="default">
                {t('staffNav.audit')}
              </Button>
            ) : null}
            <Button component={Link} to="/staff/tokens" variant="default">
              {t('staffNav.tokens')}
            </Button>
          </Group>
        </Card>

        <Card withBorder>
          <Title order={2} fz="lg" mb="sm">
            {t('dashboard.system')}
          </Title>
          {health.error ? (
            <Text c="red" size="sm" role="alert">
              {health.error.message}
            </Text>
          ) : health.data ? (
            <DetailList
              cols={4}
              items={[
                { label: t('dashboard.status'), value: health.data.status },
                { label: t('dashboard.database'), value: health.data.db === 'postgres' ? 'PostgreSQL' : 'PGlite' },
                { label: t('dashboard.version'), value: health.data.version },
                { label: t('dashboard.serverTime'), value: formatDateTime(health.data.time) },
              ]}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('common.loading')}
            </Text>
          )}
        </Card>
      </Stack>
    </>
  );
}
