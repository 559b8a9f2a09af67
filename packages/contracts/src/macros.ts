import { z } from 'zod';
import { conditionFieldSchema, conditionSetSchema, localizedLabelSchema } from './conditions.js';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, visibilitySchema } from './tickets.js';
import { MAX_TRIGGER_ACTIONS, TRIGGER_ACTION_VALUE_TYPES } from './triggers.js';

/**
 * 宏 (manual 5.1.6.3), with Zendesk's semantics: a macro applies changes to the ticket form the
 * agent has open — fields, the reply box, what is shown — and nothing is saved until the agent
 * submits. It runs when clicked (用户触发, shown as a button), when the form loads (页面加载), before
 * the form is submitted (工单提交, may block it: 工单控制) or when a watched field changes (字段值改变).
 * Its conditions choose between its actions and its else-actions (否则进行这些操作).
 */
export const MACRO_MODES = ['manual', 'load', 'submit', 'change'] as const;
export type MacroMode = (typeof MACRO_MODES)[number];

/**
 * How a macro action's value is written: the trigger value types (select, agent, group, tags,
 * agents, text — Liquid —, custom) plus fields (form field keys), macros (macro ids), boolean and
 * flag (no value to choose: the value is `true`).
 */
export const MACRO_ACTION_VALUE_TYPES = [
  ...TRIGGER_ACTION_VALUE_TYPES,
  'fields',
  'macros',
  'boolean',
  'flag',
] as const;
export type MacroActionValueType = (typeof MACRO_ACTION_VALUE_TYPES)[number];

/**
 * Where the builder lists an action, as the manual's separators group them: 基本操作 (ticket fields,
 * set only where empty or always), 工单特殊操作 (工单控制, 宏控制), the reply, 高级操作 (show / hide).
 */
export const MACRO_ACTION_GROUPS = ['system', 'custom', 'other', 'special', 'reply', 'advanced'] as const;
export type MacroActionGroup = (typeof MACRO_ACTION_GROUPS)[number];

export const macroActionFieldSchema = z.object({
  /** e.g. 'ticket.priority', 'ticket.custom.product', 'reply.text', 'form.hideFields', 'submit.block'. */
  key: z.string(),
  label: localizedLabelSchema,
  valueType: z.enum(MACRO_ACTION_VALUE_TYPES),
  group: z.enum(MACRO_ACTION_GROUPS),
  /** For custom fields: the field's own type (text, select, date …). */
  customType: z.string().optional(),
  options: z.array(z.object({ value: z.string(), label: localizedLabelSchema })).optional(),
  /** Whether null is allowed (clear the field). */
  nullable: z.boolean(),
  /** Whether 「仅为空时设置」 (onlyIfEmpty) applies: fields that can be empty, and the reply text. */
  emptiable: z.boolean(),
  /** The modes the action is allowed in (all when absent): 阻止提交 only on submit. */
  modes: z.array(z.enum(MACRO_MODES)).optional(),
  /** Actions that add or show something may repeat; set-type ones appear once per list. */
  repeatable: z.boolean(),
});
export type MacroActionField = z.infer<typeof macroActionFieldSchema>;

export const macroActionSchema = z.object({
  field: z.string().min(1).max(100),
  value: z.unknown(),
  /** 基本操作: set the field only when it is empty in the form (else always). */
  onlyIfEmpty: z.boolean().optional(),
});
export type MacroAction = { field: string; value?: unknown; onlyIfEmpty?: boolean };

export const macroSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  sortOrder: z.number().int(),
  mode: z.enum(MACRO_MODES),
  /** For mode change: the form fields whose change runs the macro ('ticket.priority', 'ticket.custom.x'). */
  watchFields: z.array(z.string()),
  conditions: conditionSetSchema,
  actions: z.array(macroActionSchema),
  elseActions: z.array(macroActionSchema),
  /** 可用于: 当前用户 (me: the owner), 所有客服, 客服分组, 客服. */
  visibility: visibilitySchema,
  /** 适用模板: the ticket templates it applies to; empty: every template (and tickets without one). */
  templateIds: z.array(z.number().int()),
  ownerAgentId: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Macro = z.infer<typeof macroSchema>;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const macroFields = {
  title: z.string().trim().min(1).max(50),
  description: z.string().trim().max(500),
  enabled: z.boolean(),
  mode: z.enum(MACRO_MODES),
  watchFields: z.array(z.string().min(1).max(100)).max(50),
  conditions: conditionSetSchema,
  actions: z.array(macroActionSchema).min(1).max(MAX_TRIGGER_ACTIONS),
  elseActions: z.array(macroActionSchema).max(MAX_TRIGGER_ACTIONS),
  visibility: visibilitySchema,
  templateIds: z.array(id).max(200),
};
const macroExample = {
  title: '远程协助完成',
  description: '远程解决后一键填写回复并标记已解决',
  mode: 'manual',
  conditions: { all: [{ field: 'ticket.status', op: 'is_not', value: 'closed' }], any: [] },
  actions: [
    { field: 'ticket.status', value: 'solved' },
    { field: 'ticket.custom.product', value: 'T+', onlyIfEmpty: true },
    {
      field: 'reply.text',
      value: '{{contact.name}}您好，您的问题已通过远程协助解决。如有疑问请随时联系我们。',
    },
    { field: 'reply.public', value: true },
  ],
  elseActions: [],
  visibility: { scope: 'all', groupIds: [], agentIds: [] },
  templateIds: [],
};
export const macroCreateBody = z
  .object(macroFields)
  .partial()
  .required({ title: true, actions: true })
  .strict()
  .meta({ example: macroExample });
export const macroUpdateBody = z
  .object(macroFields)
  .partial()
  .strict()
  .meta({ example: { enabled: false } });
export type MacroCreateInput = z.infer<typeof macroCreateBody>;
export type MacroUpdateInput = z.infer<typeof macroUpdateBody>;

/** 宏排序: macro ids in their new order (macros not listed follow them, in their order). */
export const macroOrderBody = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(500) })
  .strict();
export const macroList = z.object({ items: z.array(macroSchema) });

/** A field of the ticket form as macros name it (watched, shown, hidden). */
export const macroFormFieldSchema = z.object({ key: z.string(), label: localizedLabelSchema });

/** GET /api/v1/macros/catalogue: what the console's macro builder offers. */
export const macroCatalogueSchema = z.object({
  conditions: z.array(conditionFieldSchema),
  actions: z.array(macroActionFieldSchema),
  formFields: z.array(macroFormFieldSchema),
});

/** GET /api/v1/macros/available: the macros the caller may use in a form of this template (or ticket). */
export const macroAvailableQuery = z.object({
  templateId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  ticketId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export const availableMacroSchema = macroSchema.pick({
  id: true,
  title: true,
  description: true,
  mode: true,
  watchFields: true,
});
export type AvailableMacro = z.infer<typeof availableMacroSchema>;
export const availableMacroList = z.object({ items: z.array(availableMacroSchema) });

const tag = z.string().trim().min(1).max(50);
const CUSTOM_VALUE_KEY = /^ticket\.custom\.[A-Za-z0-9_]{1,40}$/;
const FORM_VALUE_SHAPES = {
  'ticket.subject': z.string().max(200),
  'ticket.description': z.string().max(100_000),
  'ticket.status': z.enum(TICKET_STATUSES),
  'ticket.priority': z.enum(TICKET_PRIORITIES),
  'ticket.type': z.enum(TICKET_TYPES),
  'ticket.templateId': id.nullable(),
  'ticket.contactId': id.nullable(),
  'ticket.companyId': id.nullable(),
  'ticket.assigneeId': id.nullable(),
  'ticket.groupId': id.nullable(),
  'ticket.ccAgentIds': z.array(id).max(50),
  'ticket.ccGroupIds': z.array(id).max(20),
  'ticket.tags': z.array(tag).max(50),
  'ticket.dueAt': z.iso.datetime({ offset: true }).nullable(),
};
/** The system fields of the ticket form, keyed as the condition catalogue names them. */
export const MACRO_FORM_SYSTEM_KEYS = Object.keys(FORM_VALUE_SHAPES) as (keyof typeof FORM_VALUE_SHAPES)[];

/**
 * The form's current values, keyed like the condition catalogue: 'ticket.priority', 'ticket.tags',
 * 'ticket.custom.<key>' (custom values as the ticket API takes them). Keys left out keep the
 * ticket's current value (a new ticket's defaults).
 */
export const macroFormValuesSchema = z
  .object(FORM_VALUE_SHAPES)
  .partial()
  .catchall(z.unknown())
  .superRefine((values, ctx) => {
    const keys = Object.keys(values);
    if (keys.length > 300) ctx.addIssue({ code: 'custom', path: [], message: 'too_many' });
    for (const key of keys)
      if (!(key in FORM_VALUE_SHAPES) && !CUSTOM_VALUE_KEY.test(key))
        ctx.addIssue({ code: 'custom', path: [key], message: 'unknown_field' });
  });
export type MacroFormValues = Record<string, unknown>;

export const macroEvaluateBody = z
  .object({
    mode: z.enum(MACRO_MODES),
    /** The form's template (null: none); absent: the ticket's, or the values' ticket.templateId. */
    templateId: id.nullable().optional(),
    /** The ticket being edited; absent for the create form. */
    ticketId: id.optional(),
    values: macroFormValuesSchema,
    /** Mode change: the field that changed. */
    changedField: z.string().min(1).max(100).optional(),
    /** Mode manual: the macro clicked. */
    macroId: id.optional(),
    /** What the reply box holds now (a macro's reply text is added after it). */
    reply: z
      .object({ text: z.string().max(100_000), public: z.boolean() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.mode === 'manual' && body.macroId === undefined)
      ctx.addIssue({ code: 'custom', path: ['macroId'], message: 'required' });
    if (body.mode === 'change' && body.changedField === undefined)
      ctx.addIssue({ code: 'custom', path: ['changedField'], message: 'required' });
  })
  .meta({
    example: {
      mode: 'manual',
      macroId: 3,
      ticketId: 1024,
      values: { 'ticket.status': 'open', 'ticket.priority': 'normal', 'ticket.custom.product': null },
      reply: { text: '', public: true },
    },
  });
export type MacroEvaluateInput = z.infer<typeof macroEvaluateBody>;

export const macroEvaluationSchema = z.object({
  /** The form values after the macros (the input's keys and the ticket's, with the macros' changes). */
  values: z.record(z.string(), z.unknown()),
  /** The keys the macros changed: what the form should take over. */
  changedFields: z.array(z.string()),
  /** The reply box after the macros (null: no macro touched it). `text` plain, `html` escaped HTML. */
  reply: z.object({ text: z.string(), html: z.string(), public: z.boolean() }).nullable(),
  /** Fields to hide / show (高级操作); a field shown again after being hidden is in shownFields only. */
  hiddenFields: z.array(z.string()),
  shownFields: z.array(z.string()),
  /** Hide (true) or show (false) the reply list; null: unchanged. */
  hideReplies: z.boolean().nullable(),
  /** 工单控制: the form is view-only for this agent. */
  readOnly: z.boolean(),
  /** 宏控制: macros whose buttons to hide. */
  hiddenMacroIds: z.array(z.number().int()),
  /** 工单控制 on submit: the save is refused with this message. */
  block: z.object({ message: z.string(), macroId: z.number().int() }).nullable(),
  /** The macros that ran, in order, and which branch (then: conditions held; else). */
  applied: z.array(
    z.object({ macroId: z.number().int(), title: z.string(), branch: z.enum(['then', 'else']) }),
  ),
});
export type MacroEvaluation = z.infer<typeof macroEvaluationSchema>;
