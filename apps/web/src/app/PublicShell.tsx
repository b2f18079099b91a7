import { AppShell, Box, Burger, Button, Container, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../api/auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { HeaderSearch } from '../features/search/HeaderSearch';
import { MAIN_CONTENT_ID, SkipLink } from '../components/SkipLink';
import { useRouteFocus } from './useRouteFocus';

const NAV_ITEMS = [
  { to: '/', key: 'home', end: true },
  { to: '/org-units', key: 'orgUnits', end: false },
  { to: '/focal-points', key: 'focalPoints', end: false },
  { to: '/organizations', key: 'organizations', end: false },
  { to: '/researchers', key: 'researchers', end: false },
  { to: '/tasks', key: 'tasks', end: false },
  { to: '/results', key: 'results', end: false },
  { to: '/classifications', key: 'classifications', end: false },
  { to: '/statistics', key: 'statistics', end: false },
] as const;

/** The layout of public pages: header with site name, navigation, language switch and sign-in link. */
export function PublicShell() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  useRouteFocus(MAIN_CONTENT_ID);

  const isActive = (to: string, end: boolean) =>
    end ? location.pathname === to : location.pathname === to || location.pathname.startsWith(`${to}/`);

  return (
    <AppShell
      header={{ height: { base: 60, sm: 108 } }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { desktop: true, mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Container size="xl" h={60}>
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={opened}
                aria-controls="public-mobile-nav"
              />
              <UnstyledButton component={Link} to="/" aria-label={t('app.homeLinkLabel')} style={{ minWidth: 0 }}>
                <Text fw={700} size="lg" c="blue.8" truncate="end">
                  {t('app.siteName')}
                </Text>
              </UnstyledButton>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <HeaderSearch />
              <LanguageSwitch />
              {user ? (
                <Button component={Link} to="/staff" size="compact-sm" variant="light">
                  {t('nav.staffArea')}
                </Button>
              ) : (
                <Button component={Link} to="/login" size="compact-sm">
                  {t('auth.login')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
        <Box visibleFrom="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Container size="xl">
            {/* on narrower screens the bar scrolls sideways rather than cutting the labels short */}
            <Group component="nav" aria-label={t('nav.mainLabel')} gap={4} h={47} wrap="nowrap" style={{ overflowX: 'auto', overflowY: 'hidden' }}>
              {NAV_ITEMS.map((item) => (
                <Button
                  key={item.to}
                  component={RouterNavLink}
                  to={item.to}
                  end={item.end}
                  variant={isActive(item.to, item.end) ? 'light' : 'subtle'}
                  size="compact-sm"
                  style={{ flexShrink: 0 }}
                >
                  {t(`nav.${item.key}`)}
                </Button>
              ))}
            </Group>
          </Container>
        </Box>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="public-mobile-nav" hiddenFrom="sm">
        <nav aria-label={t('nav.mainLabel')}>
          <Stack gap={2}>
            {NAV_ITEMS.map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                end={item.end}
                label={t(`nav.${item.key}`)}
                active={isActive(item.to, item.end)}
                onClick={close}
              />
            ))}
          </Stack>
        </nav>
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <Container size="xl" py="md">
          <Outlet />
        </Container>
        <Container size="xl" component="footer" py="lg" mt="xl" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Text size="sm" c="dimmed">
            {t('app.footer')}
          </Text>
          <Text component={Link} to="/open-data" size="sm" c="blue.8" td="underline" mt="xs" display="inline-block">
            {t('openData.navLink')}
          </Text>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
