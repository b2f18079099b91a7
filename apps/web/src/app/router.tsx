import { createBrowserRouter } from 'react-router-dom';
import { AuditLogPage } from '../features/audit/AuditLogPage';
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
import { ResearcherStaffPage } from '../features/researchers/ResearcherStaffPage';
import { TaskCreatePage } from '../features/tasks/TaskCreatePage';
import { TaskPublicPage } from '../features/tasks/TaskPublicPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { TaskStaffPage } from '../features/tasks/TaskStaffPage';
import { TaskWorkPage } from '../features/tasks/TaskWorkPage';
import { UsersPage } from '../features/users/UsersPage';
import { NotFoundPage } from './NotFoundPage';
import { PublicShell } from './PublicShell';
import { RequireRole, StaffShell } from './StaffShell';

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
      { path: 'classifications', element: <ClassificationsPage /> },
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
      { path: 'tasks/:id', element: <TaskStaffPage /> },
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
