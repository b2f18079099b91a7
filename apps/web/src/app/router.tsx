import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { ApplicationReportPage } from '../features/application-reports/ApplicationReportPage';
import { ApplicationReportsPublicPage } from '../features/application-reports/ApplicationReportsPublicPage';
import { ApplicationReportWorkPage } from '../features/application-reports/ApplicationReportWorkPage';
import { ApplicationSummaryPage } from '../features/application-reports/ApplicationSummaryPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { VerifyCertificatePage } from '../features/certificates/VerifyCertificatePage';
import { ApiTokensPage } from '../features/auth/ApiTokensPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ClassificationsPage } from '../features/classifications/ClassificationsPage';
import { FocalPointDetailPage } from '../features/focal-points/FocalPointDetailPage';
import { FocalPointsPage } from '../features/focal-points/FocalPointsPage';
import { DashboardPage } from '../features/home/DashboardPage';
import { HomePage } from '../features/home/HomePage';
import { OrgUnitDetailPage } from '../features/org-units/OrgUnitDetailPage';
import { OrgUnitsPage } from '../features/org-units/OrgUnitsPage';
import { OrganizationCreatePage } from '../features/organizations/OrganizationCreatePage';
import { OrganizationPublicPage } from '../features/organizations/OrganizationPublicPage';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage';
import { OrganizationStaffPage } from '../features/organizations/OrganizationStaffPage';
import { ResearcherCreatePage } from '../features/researchers/ResearcherCreatePage';
import { ResearcherPublicPage } from '../features/researchers/ResearcherPublicPage';
import { ResearchersPage } from '../features/researchers/ResearchersPage';
import { RegistrationWorkPage } from '../features/registrations/RegistrationWorkPage';
import { ResearcherStaffPage } from '../features/researchers/ResearcherStaffPage';
import { ResultPublicPage } from '../features/results/ResultPublicPage';
import { ResultsPage } from '../features/results/ResultsPage';
import { SearchPage } from '../features/search/SearchPage';
import { SimilarTasksPage } from '../features/search/SimilarTasksPage';
import { StatsReleasesPage } from '../features/stats/StatsReleasesPage';
import { StatsReportPage } from '../features/stats/StatsReportPage';
import { StatsWorkPage } from '../features/stats/StatsWorkPage';
import { TaskImportPage } from '../features/task-io/TaskImportPage';
import { TaskCreatePage } from '../features/tasks/TaskCreatePage';
import { TaskPublicPage } from '../features/tasks/TaskPublicPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { TaskStaffPage } from '../features/tasks/TaskStaffPage';
import { TaskWorkPage } from '../features/tasks/TaskWorkPage';
import { UsersPage } from '../features/users/UsersPage';
import { LoadingState } from '../components/States';
import { NotFoundPage } from './NotFoundPage';
import { PublicShell } from './PublicShell';
import { RequireRole, StaffShell } from './StaffShell';

/** The statistics dashboard with its chart library, loaded on first visit. */
const StatsDashboardPage = lazy(() => import('../features/stats/StatsDashboardPage').then((m) => ({ default: m.StatsDashboardPage })));
/** The public statistics pages (key figures, releases with maps and charts), loaded on first visit. */
const StatisticsHomePage = lazy(() => import('../features/stats/public/StatisticsHomePage').then((m) => ({ default: m.StatisticsHomePage })));
const ReleasePage = lazy(() => import('../features/stats/public/ReleasePage').then((m) => ({ default: m.ReleasePage })));

/** The app's routes: public pages at the root, staff pages under /staff (signed-in users only). */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <PublicShell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'org-units', element: <OrgUnitsPage mode="public" /> },
      { path: 'org-units/:id', element: <OrgUnitDetailPage mode="public" /> },
      { path: 'focal-points', element: <FocalPointsPage mode="public" /> },
      { path: 'organizations', element: <OrganizationsPage mode="public" /> },
      { path: 'organizations/:id', element: <OrganizationPublicPage /> },
      { path: 'researchers', element: <ResearchersPage mode="public" /> },
      { path: 'researchers/:id', element: <ResearcherPublicPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'tasks/:id', element: <TaskPublicPage /> },
      { path: 'application-reports', element: <ApplicationReportsPublicPage /> },
      { path: 'results', element: <ResultsPage /> },
      { path: 'results/:id', element: <ResultPublicPage /> },
      { path: 'verify/:code', element: <VerifyCertificatePage /> },
      { path: 'classifications', element: <ClassificationsPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'open-data', lazy: () => import('../features/open-data/OpenDataPage').then((m) => ({ Component: m.OpenDataPage })) },
      {
        path: 'statistics',
        element: (
          <Suspense fallback={<LoadingState />}>
            <StatisticsHomePage />
          </Suspense>
        ),
      },
      {
        path: 'statistics/releases/:id',
        element: (
          <Suspense fallback={<LoadingState />}>
            <ReleasePage />
          </Suspense>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/staff',
    element: <StaffShell />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'organizations', element: <OrganizationsPage mode="staff" /> },
      { path: 'organizations/new', element: <OrganizationCreatePage /> },
      { path: 'organizations/:id', element: <OrganizationStaffPage /> },
      { path: 'researchers', element: <ResearchersPage mode="staff" /> },
      { path: 'researchers/new', element: <ResearcherCreatePage /> },
      { path: 'researchers/:id', element: <ResearcherStaffPage /> },
      { path: 'tasks', element: <TaskWorkPage /> },
      {
        path: 'tasks/new',
        element: (
          <RequireRole roles={['national_admin', 'focal_officer', 'org_reporter']}>
            <TaskCreatePage />
          </RequireRole>
        ),
      },
      {
        path: 'tasks/import',
        element: (
          <RequireRole roles={['national_admin', 'focal_officer', 'org_reporter']}>
            <TaskImportPage />
          </RequireRole>
        ),
      },
      { path: 'tasks/:id', element: <TaskStaffPage /> },
      {
        path: 'similar-tasks',
        element: (
          <RequireRole roles={['national_admin', 'focal_officer', 'reviewer', 'org_reporter']}>
            <SimilarTasksPage />
          </RequireRole>
        ),
      },
      { path: 'application-reports', element: <ApplicationReportWorkPage /> },
      {
        path: 'application-reports/summary',
        element: (
          <RequireRole roles={['national_admin', 'focal_officer', 'reviewer']}>
            <ApplicationSummaryPage />
          </RequireRole>
        ),
      },
      { path: 'application-reports/tasks/:taskId/years/:yearIndex', element: <ApplicationReportPage /> },
      {
        path: 'notifications',
        element: (
          <RequireRole roles={['national_admin']}>
            <NotificationsPage />
          </RequireRole>
        ),
      },
      { path: 'registrations', element: <RegistrationWorkPage /> },
      { path: 'stats', element: <StatsWorkPage /> },
      { path: 'stats/reports/:id', element: <StatsReportPage /> },
      {
        path: 'stats/releases',
        element: (
          <RequireRole roles={['national_admin', 'focal_officer', 'reviewer']}>
            <StatsReleasesPage />
          </RequireRole>
        ),
      },
      {
        path: 'stats/dashboard',
        element: (
          <Suspense fallback={<LoadingState />}>
            <StatsDashboardPage />
          </Suspense>
        ),
      },
      { path: 'org-units', element: <OrgUnitsPage mode="staff" /> },
      { path: 'org-units/:id', element: <OrgUnitDetailPage mode="staff" /> },
      { path: 'focal-points', element: <FocalPointsPage mode="staff" /> },
      { path: 'focal-points/:id', element: <FocalPointDetailPage /> },
      { path: 'classifications', element: <ClassificationsPage /> },
      {
        path: 'audit',
        element: (
          <RequireRole roles={['national_admin']}>
            <AuditLogPage />
          </RequireRole>
        ),
      },
      {
        path: 'users',
        element: (
          <RequireRole roles={['national_admin']}>
            <UsersPage />
          </RequireRole>
        ),
      },
      { path: 'tokens', element: <ApiTokensPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
