import type { Role } from '@stinet/shared';
import { AppShell, Badge, Box, Burger, Button, Divider, Group, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../api/auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { MAIN_CONTENT_ID, SkipLink } from '../components/SkipLink';
import { LoadingState } from '../components/States';
import { useUnitName } from '../components/UnitName';
import { useRouteFocus } from './useRouteFocus';

interface StaffNavItem {
  to: string;
  key: 'dashboard' | 'organizations' | 'researchers' | 'tasks' | 'registrations' | 'orgUnits' | 'focalPoints' | 'classifications' | 'audit' | 'users' | 'tokens' | 'applicationReports' | 'notifications' | 'stats';
  end?: boolean;
  roles?: Role[];
}

const NAV_ITEMS: StaffNavItem[] = [
  { to: '/staff', key: 'dashboard', end: true },
  { to: '/staff/organizations', key: 'organizations' },
  { to: '/staff/researchers', key: 'researchers' },
  { to: '/staff/tasks', key: 'tasks' },
  { to: '/staff/registrations', key: 'registrations' },
  { to: '/staff/application-reports', key: 'applicationReports' },
  { to: '/staff/stats', key: 'stats' },
  { to: '/staff/org-units', key: 'orgUnits' },
  { to: '/staff/focal-points', key: 'focalPoints' },
  { to: '/staff/classifications', key: 'classifications' },
  { to: '/staff/audit', key: 'audit', roles: ['national_admin'] },
  { to: '/staff/notifications', key: 'notifications', roles: ['national_admin'] },
  { to: '/staff/users', key: 'users', roles: ['national_admin'] },
  { to: '/staff/tokens', key: 'tokens' },
];

/** The layout of staff pages (signed-in users only): header with user, role, scope, language and sign-out; left navigation. */
export function StaffShell() {
  const { t } = useTranslation();
  const { user, isLoading, error, logout } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const unitName = useUnitName();
  useRouteFocus(MAIN_CONTENT_ID);

  if (isLoading) return <LoadingState />;
  if (error) {
    return (
      <Box p="xl" maw={640} mx="auto">
        <ErrorAlert error={error} onRetry={() => window.location.reload()} />
      </Box>
    );
  }
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }

  const scope = user.scopeUnit ? unitName(user.scopeUnit) : user.organization ? user.organization.nameVi : t('staff.scopeNational');
  const items = NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(user.role));
  const isActive = (item: StaffNavItem) =>
    item.end ? location.pathname === item.to : location.pathname === item.to || location.pathname.startsWith(`${item.to}/`);

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 264, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="staff-nav"
            />
            <UnstyledButton component={Link} to="/staff" aria-label={t('staff.homeLinkLabel')}>
              <Text fw={700} c="blue.8" size="lg">
                {t('app.shortName')}
              </Text>
            </UnstyledButton>
            <Text size="sm" c="dimmed" visibleFrom="lg" truncate="end">
              {t('staff.areaName')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="sm" ta="right" aria-label={t('staff.currentUser')} role="group">
              <Text size="sm" fw={600} lh={1.2}>
                {user.displayName}
              </Text>
              <Group gap={6} justify="flex-end" wrap="nowrap">
                <Badge size="xs" variant="light">
                  {t(`roles.${user.role}`)}
                </Badge>
                <Text size="xs" c="dimmed" truncate="end" maw={220}>
                  {scope}
                </Text>
              </Group>
            </Box>
            <LanguageSwitch />
            <Button size="compact-sm" variant="outline" onClick={() => void onLogout()}>
              {t('auth.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="staff-nav" p="sm">
        <AppShell.Section hiddenFrom="sm" mb="sm">
          <Text size="sm" fw={600}>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${user.role}`)} · {scope}
          </Text>
          <Divider mt="sm" />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t('nav.staffLabel')}>
            <Stack gap={2}>
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  component={RouterNavLink}
                  to={item.to}
                  end={item.end}
                  label={item.key === 'stats' ? t('stats.nav') : t(`staffNav.${item.key}`)}
                  active={isActive(item)}
                  onClick={close}
                />
              ))}
            </Stack>
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Divider mb="sm" />
          <NavLink component={Link} to="/" label={t('staff.publicSite')} onClick={close} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} bg="gray.0">
        <Box maw={1400} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

/** Shows its children only to users with one of the roles; others see a "not allowed" alert. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user || !roles.includes(user.role)) {
    return <ErrorAlert error={new Error(t('errors.forbidden'))} title={t('errors.forbiddenTitle')} />;
  }
  return <>{children}</>;
}
