import {
  ApartmentOutlined,
  ApiOutlined,
  AppstoreAddOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FilterOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  LinkOutlined,
  MessageOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  PhoneOutlined,
  PrinterOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ModuleGrant, Permission } from '@yidan/contracts';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/zh-CN';

/** One page in the menu: what it needs (module and/or permission) decides whether it is shown. */
export interface NavItem {
  path: string;
  testId: string;
  label: MessageKey;
  icon: ReactNode;
  module?: ModuleGrant;
  permission?: Permission;
}

export const MAIN_NAV: NavItem[] = [
  { path: '/', testId: 'nav-home', label: 'nav.home', icon: <HomeOutlined /> },
  { path: '/chat', testId: 'nav-chat', label: 'nav.chat', icon: <MessageOutlined />, module: 'chat' },
  {
    path: '/tickets',
    testId: 'nav-ticket',
    label: 'nav.ticket',
    icon: <FileTextOutlined />,
    module: 'ticket',
  },
  { path: '/calls', testId: 'nav-call', label: 'nav.call', icon: <PhoneOutlined />, module: 'call' },
  {
    path: '/customers',
    testId: 'nav-customers',
    label: 'nav.customers',
    icon: <TeamOutlined />,
    permission: 'customer.view',
  },
];

export const SETTINGS_NAV: NavItem[] = [
  {
    path: '/settings/agents',
    testId: 'nav-agents',
    label: 'nav.agents',
    icon: <CustomerServiceOutlined />,
    permission: 'org.agents',
  },
  {
    path: '/settings/groups',
    testId: 'nav-groups',
    label: 'nav.groups',
    icon: <ApartmentOutlined />,
    permission: 'org.groups',
  },
  {
    path: '/settings/roles',
    testId: 'nav-roles',
    label: 'nav.roles',
    icon: <SafetyCertificateOutlined />,
    permission: 'org.roles',
  },
  {
    path: '/settings/shifts',
    testId: 'nav-shifts',
    label: 'nav.shifts',
    icon: <CalendarOutlined />,
    permission: 'org.shifts',
  },
  {
    path: '/settings/vendor',
    testId: 'nav-vendor',
    label: 'nav.vendor',
    icon: <ShopOutlined />,
    permission: 'org.settings',
  },
  {
    path: '/settings/features',
    testId: 'nav-features',
    label: 'nav.features',
    icon: <ControlOutlined />,
    permission: 'org.settings',
  },
  {
    path: '/settings/hours',
    testId: 'nav-hours',
    label: 'nav.hours',
    icon: <ClockCircleOutlined />,
    permission: 'org.settings',
  },
  {
    path: '/settings/customer-fields',
    testId: 'nav-customer-fields',
    label: 'nav.customerFields',
    icon: <FormOutlined />,
    permission: 'customer.settings',
  },
  {
    path: '/settings/customers',
    testId: 'nav-customer-settings',
    label: 'nav.customerSettings',
    icon: <IdcardOutlined />,
    permission: 'customer.settings',
  },
  {
    path: '/settings/ticket-fields',
    testId: 'nav-ticket-fields',
    label: 'ticketSettings.nav.fields',
    icon: <UnorderedListOutlined />,
    module: 'ticket',
    permission: 'ticket.settings',
  },
  {
    path: '/settings/ticket-templates',
    testId: 'nav-ticket-templates',
    label: 'ticketSettings.nav.templates',
    icon: <ProfileOutlined />,
    module: 'ticket',
    permission: 'ticket.settings',
  },
  {
    path: '/settings/ticket-views',
    testId: 'nav-ticket-views',
    label: 'ticketSettings.nav.views',
    icon: <FilterOutlined />,
    module: 'ticket',
    permission: 'ticket.settings',
  },
  {
    path: '/settings/triggers',
    testId: 'nav-triggers',
    label: 'triggers.nav',
    icon: <ThunderboltOutlined />,
    module: 'ticket',
    permission: 'ticket.settings',
  },
  {
    path: '/settings/automations',
    testId: 'nav-automations',
    label: 'automations.nav',
    icon: <FieldTimeOutlined />,
    module: 'ticket',
    permission: 'ticket.settings',
  },
  {
    path: '/settings/sla-policies',
    testId: 'nav-sla-policies',
    label: 'sla.nav',
    icon: <DashboardOutlined />,
    module: 'ticket',
    permission: 'ticket.settings',
  },
  {
    path: '/settings/macros',
    testId: 'nav-macros',
    label: 'macros.nav',
    icon: <AppstoreAddOutlined />,
    module: 'ticket',
    permission: 'ticket.settings',
  },
  {
    path: '/settings/workflows',
    testId: 'nav-workflows',
    label: 'workflows.nav',
    icon: <NodeIndexOutlined />,
    module: 'ticket',
    permission: 'ticket.settings',
  },
  {
    path: '/settings/print-templates',
    testId: 'nav-print-templates',
    label: 'ticketSettings.nav.print',
    icon: <PrinterOutlined />,
    module: 'ticket',
    permission: 'ticket.settings',
  },
  {
    path: '/settings/targets',
    testId: 'nav-targets',
    label: 'targets.nav',
    icon: <LinkOutlined />,
    module: 'ticket',
    permission: 'ticket.settings',
  },
  {
    path: '/settings/customer-messages',
    testId: 'nav-customer-messages',
    label: 'messages.nav',
    icon: <NotificationOutlined />,
    module: 'ticket',
    permission: 'ticket.settings',
  },
  {
    path: '/settings/api-tokens',
    testId: 'nav-api-tokens',
    label: 'nav.apiTokens',
    icon: <ApiOutlined />,
    permission: 'apiTokens.manage',
  },
];

export const SETTINGS_ICON = <SettingOutlined />;

export function isAllowed(
  item: Pick<NavItem, 'module' | 'permission'>,
  me: { modules: string[]; permissions: string[] },
) {
  if (item.module && !me.modules.includes(item.module)) return false;
  if (item.permission && !me.permissions.includes(item.permission)) return false;
  return true;
}
