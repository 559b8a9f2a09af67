import { zhApiTokens } from './apiTokens';
import { zhCommon } from './common';
import { zhCustomers } from './customers';
import { zhOrg } from './org';
import { zhPermissions } from './permissions';
import { zhSettings } from './settings';
import { zhTicketSettings } from './ticketSettings';
import { zhTickets } from './tickets';
import { zhTransfers } from './transfers';
import { zhTriggers } from './triggers';

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
};
export type MessageKey = keyof typeof zhCN;
