import type { MessageKey } from '../zh-CN';
import { enApiTokens } from './apiTokens';
import { enCommon } from './common';
import { enCustomers } from './customers';
import { enMacros } from './macros';
import { enOrg } from './org';
import { enPermissions } from './permissions';
import { enSettings } from './settings';
import { enSla } from './sla';
import { enTargets } from './targets';
import { enTicketSettings } from './ticketSettings';
import { enTickets } from './tickets';
import { enTransfers } from './transfers';
import { enTriggers } from './triggers';
import { enWorkflows } from './workflows';

export const en: Record<MessageKey, string> = {
  ...enCommon,
  ...enOrg,
  ...enPermissions,
  ...enSettings,
  ...enApiTokens,
  ...enCustomers,
  ...enTransfers,
  ...enTickets,
  ...enTicketSettings,
  ...enTriggers,
  ...enTargets,
  ...enMacros,
  ...enWorkflows,
  ...enSla,
};
