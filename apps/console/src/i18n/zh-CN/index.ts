import { zhApiTokens } from './apiTokens';
import { zhCommon } from './common';
import { zhCustomers } from './customers';
import { zhMacros } from './macros';
import { zhOrg } from './org';
import { zhPermissions } from './permissions';
import { zhSettings } from './settings';
import { zhSla } from './sla';
import { zhTargets } from './targets';
import { zhTicketSettings } from './ticketSettings';
import { zhTickets } from './tickets';
import { zhTransfers } from './transfers';
import { zhTriggers } from './triggers';
import { zhWorkflows } from './workflows';

/** The default dictionary; its keys are the message keys every other language must cover. */
export const zhCN = {
  ...zhCommon,
  ...zhOrg,
  ...zhPermissions,
  ...zhSettings,
  ...zhApiTokens,
  ...zhCustomers,
  ...zhTransfers,
  ...zhTickets,
  ...zhTicketSettings,
  ...zhTriggers,
  ...zhTargets,
  ...zhMacros,
  ...zhWorkflows,
  ...zhSla,
};
export type MessageKey = keyof typeof zhCN;
