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
const CustomerStatisticsPage = lazy(() =>
  import('../features/customers/components/CustomerStatisticsPage').then((m) => ({
    default: m.CustomerStatisticsPage,
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
const TicketsPage = lazy(() =>
  import('../features/tickets/components/TicketsPage').then((m) => ({ default: m.TicketsPage })),
);
const TicketDetailPage = lazy(() =>
  import('../features/tickets/components/TicketDetailPage').then((m) => ({ default: m.TicketDetailPage })),
);
const ApiTokensPage = lazy(() =>
  import('../features/apiTokens/components/ApiTokensPage').then((m) => ({ default: m.ApiTokensPage })),
);

const TicketFieldsPage = lazy(() =>
  import('../features/ticketSettings/components/TicketFieldsPage').then((m) => ({
    default: m.TicketFieldsPage,
  })),
);
const TicketTemplatesPage = lazy(() =>
  import('../features/ticketSettings/components/TicketTemplatesPage').then((m) => ({
    default: m.TicketTemplatesPage,
  })),
);
const TicketViewsPage = lazy(() =>
  import('../features/ticketSettings/components/TicketViewsPage').then((m) => ({
    default: m.TicketViewsPage,
  })),
);
const TriggersPage = lazy(() =>
  import('../features/triggers/components/TriggersPage').then((m) => ({ default: m.TriggersPage })),
);
const AutomationsPage = lazy(() =>
  import('../features/triggers/components/TriggersPage').then((m) => ({ default: m.AutomationsPage })),
);
const MacrosPage = lazy(() =>
  import('../features/macros/components/MacrosPage').then((m) => ({ default: m.MacrosPage })),
);
const TargetsPage = lazy(() =>
  import('../features/targets/components/TargetsPage').then((m) => ({ default: m.TargetsPage })),
);
const CustomerMessagesPage = lazy(() =>
  import('../features/targets/components/CustomerMessagesPage').then((m) => ({
    default: m.CustomerMessagesPage,
  })),
);
const SlaPoliciesPage = lazy(() =>
  import('../features/sla/components/SlaPoliciesPage').then((m) => ({ default: m.SlaPoliciesPage })),
);
const PrintTemplatesPage = lazy(() =>
  import('../features/ticketSettings/components/PrintTemplatesPage').then((m) => ({
    default: m.PrintTemplatesPage,
  })),
);

const WorkflowsPage = lazy(() =>
  import('../features/workflows/components/WorkflowsPage').then((m) => ({ default: m.WorkflowsPage })),
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
  '/settings/ticket-fields': <TicketFieldsPage />,
  '/settings/ticket-templates': <TicketTemplatesPage />,
  '/settings/ticket-views': <TicketViewsPage />,
  '/settings/triggers': <TriggersPage />,
  '/settings/automations': <AutomationsPage />,
  '/settings/sla-policies': <SlaPoliciesPage />,
  '/settings/workflows': <WorkflowsPage />,
  '/settings/macros': <MacrosPage />,
  '/settings/print-templates': <PrintTemplatesPage />,
  '/settings/targets': <TargetsPage />,
  '/settings/customer-messages': <CustomerMessagesPage />,
  '/settings/api-tokens': <ApiTokensPage />,
};

function settingsRoute(item: NavItem): RouteObject {
  return {
    path: item.path,
    element: (
      <RequireAccess module={item.module} permission={item.permission}>
        {SETTINGS_PAGES[item.path]}
      </RequireAccess>
    ),
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
              <RequireAccess module="ticket" permission="ticket.view">
                <TicketsPage />
              </RequireAccess>
            ),
          },
          {
            path: '/tickets/:id',
            element: (
              <RequireAccess module="ticket" permission="ticket.view">
                <TicketDetailPage />
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
            path: '/customers/statistics',
            element: (
              <RequireAccess permission="customer.view">
                <CustomerStatisticsPage />
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
