import type { MessageKey } from '../../i18n/zh-CN';

/** The two rule kinds the list page and the drawer edit. */
export type RuleKind = 'triggers' | 'automations';

export interface RuleKindConfig {
  kind: RuleKind;
  /** API collection under /api/v1. */
  apiPath: '/triggers' | '/automations';
  /** Prefix of the page's data-testids (`trigger-row-…`, `automation-row-…`). */
  testId: 'trigger' | 'automation';
  /** Triggers react to a change: 变更了 / 变更为 / 变更自 are offered. */
  allowEvents: boolean;
  /** Save errors that concern the rule as a whole: shown above the form, not only on a field. */
  topLevelCodes: readonly string[];
  text: {
    nav: MessageKey;
    hint: MessageKey;
    create: MessageKey;
    edit: MessageKey;
    titleHelp: MessageKey;
    conditionsHelp: MessageKey;
    empty: MessageKey;
    deleteConfirm: MessageKey;
    deleteHint: MessageKey;
  };
}

export const RULE_KINDS: Record<RuleKind, RuleKindConfig> = {
  triggers: {
    kind: 'triggers',
    apiPath: '/triggers',
    testId: 'trigger',
    allowEvents: true,
    topLevelCodes: [],
    text: {
      nav: 'triggers.nav',
      hint: 'triggers.hint',
      create: 'triggers.create',
      edit: 'triggers.edit',
      titleHelp: 'triggers.titleHelp',
      conditionsHelp: 'triggers.conditionsHelp',
      empty: 'triggers.empty',
      deleteConfirm: 'triggers.deleteConfirm',
      deleteHint: 'triggers.deleteHint',
    },
  },
  automations: {
    kind: 'automations',
    apiPath: '/automations',
    testId: 'automation',
    allowEvents: false,
    topLevelCodes: [
      'automation_no_time_condition',
      'automation_no_ticket_condition',
      'automation_never_nullified',
    ],
    text: {
      nav: 'automations.nav',
      hint: 'automations.hint',
      create: 'automations.create',
      edit: 'automations.edit',
      titleHelp: 'automations.titleHelp',
      conditionsHelp: 'automations.conditionsHelp',
      empty: 'automations.empty',
      deleteConfirm: 'automations.deleteConfirm',
      deleteHint: 'automations.deleteHint',
    },
  },
};
