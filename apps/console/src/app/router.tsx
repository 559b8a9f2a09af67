import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { LoginPage } from '../features/auth/components/LoginPage';
import { AppLayout } from './layout/AppLayout';
import { type NavItem, SETTINGS_NAV } from './navigation';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteError } from './pages/RouteError';
import { RequireAccess } from './RequireAccess';
import { RequireAuth } from './RequireAuth';

// Pages are loaded on first visit so the login screen stays light.
const HomePage = lazy(() =>
  import('../features/home/components/HomePage').then((m) => ({ default: m.HomePage })),
);
const AgentsPage = lazy(() =>
  import('../features/org/components/AgentsPage').then((m) => ({ default: m.AgentsPage })),
);
const GroupsPage = lazy(() =>
  import('../features/org/components/GroupsPage').then((m) => ({ default: m.GroupsPage })),
);
const RolesPage = lazy(() =>
  import('../features/org/components/RolesPage').then((m) => ({ default: m.RolesPage })),
);
const ShiftsPage = lazy(() =>
  import('../features/settings/components/ShiftsPage').then((m) => ({ default: m.ShiftsPage })),
);
const VendorProfilePage = lazy(() =>
  import('../features/settings/components/VendorProfilePage').then((m) => ({ default: m.VendorProfilePage })),
);
const FeatureSwitchesPage = lazy(() =>
  import('../features/settings/components/FeatureSwitchesPage').then((m) => ({
    default: m.FeatureSwitchesPage,
  })),
);
const BusinessHoursPage = lazy(() =>
  import('../features/settings/components/BusinessHoursPage').then((m) => ({ default: m.BusinessHoursPage })),
);
const CustomersPage = lazy(() =>
  import('../features/customers/components/CustomersPage').then((m) => ({ default: m.CustomersPage })),
);
const CompanyDetailPage = lazy(() =>
  import('../features/customers/components/CompanyDetailPage').then((m) => ({
    default: m.CompanyDetailPage,
  })),
);
const ContactDetailPage = lazy(() =>
  import('../features/customers/components/ContactDetailPage').then((m) => ({
    default: m.ContactDetailPage,
  })),
);
const CustomerFieldsPage = lazy(() =>
  import('../features/customers/components/CustomerFieldsPage').then((m) => ({
    default: m.CustomerFieldsPage,
  })),
);
const CustomerSettingsPage = lazy(() =>
  import('../features/customers/components/CustomerSettingsPage').then((m) => ({
    default: m.CustomerSettingsPage,
  })),
);
const ApiTokensPage = lazy(() =>
  import('../features/apiTokens/components/ApiTokensPage').then((m) => ({ default: m.ApiTokensPage })),
);

const SETTINGS_PAGES: Record<string, React.ReactNode> = {
  '/settings/agents': <AgentsPage />,
  '/settings/groups': <GroupsPage />,
  '/settings/roles': <RolesPage />,
  '/settings/shifts': <ShiftsPage />,
  '/settings/vendor': <VendorProfilePage />,
  '/settings/features': <FeatureSwitchesPage />,
  '/settings/hours': <BusinessHoursPage />,
  '/settings/customer-fields': <CustomerFieldsPage />,
  '/settings/customers': <CustomerSettingsPage />,
  '/settings/api-tokens': <ApiTokensPage />,
};

function settingsRoute(item: NavItem): RouteObject {
  return {
    path: item.path,
    element: <RequireAccess permission={item.permission}>{SETTINGS_PAGES[item.path]}</RequireAccess>,
  };
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: '/chat',
            element: (
              <RequireAccess module="chat">
                <ComingSoonPage title="nav.chat" />
              </RequireAccess>
            ),
          },
          {
            path: '/tickets',
            element: (
              <RequireAccess module="ticket">
                <ComingSoonPage title="nav.ticket" />
              </RequireAccess>
            ),
          },
          {
            path: '/calls',
            element: (
              <RequireAccess module="call">
                <ComingSoonPage title="nav.call" />
              </RequireAccess>
            ),
          },
          {
            path: '/customers',
            element: (
              <RequireAccess permission="customer.view">
                <CustomersPage />
              </RequireAccess>
            ),
          },
          {
            path: '/customers/companies/:id',
            element: (
              <RequireAccess permission="customer.view">
                <CompanyDetailPage />
              </RequireAccess>
            ),
          },
          {
            path: '/customers/contacts/:id',
            element: (
              <RequireAccess permission="customer.view">
                <ContactDetailPage />
              </RequireAccess>
            ),
          },
          ...SETTINGS_NAV.map(settingsRoute),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
