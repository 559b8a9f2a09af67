import { z } from 'zod';
import { conditionFieldSchema, conditionSetSchema } from './conditions.js';
import { MAX_TRIGGER_ACTIONS, triggerActionFieldSchema, triggerActionSchema } from './triggers.js';

/**
 * 工单流 (manual 5.1.3–5.1.4): the visual process of one ticket template. The graph is stored in
 * React Flow's shape (nodes with id/type/position/data, edges with source/target) so the editor
 * saves what it shows; the server validates it on save and on publish, and tickets run on the
 * published version they started on.
 */

export const WORKFLOW_NODE_TYPES = ['start', 'task', 'branch', 'end', 'comment', 'swimlane'] as const;
export type WorkflowNodeType = (typeof WORKFLOW_NODE_TYPES)[number];
/** Node types that only annotate the drawing (注释, 泳道): no connectors, never entered. */
export const WORKFLOW_DRAWING_TYPES: readonly WorkflowNodeType[] = ['comment', 'swimlane'];

export const MAX_WORKFLOW_NODES = 200;
export const MAX_WORKFLOW_EDGES = 400;
/** A node's time limit (节点时限): at most a year. */
export const MAX_NODE_MINUTES = 525_600;

const elementId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'invalid_element_id' });
const coordinate = z.number().finite().min(-1_000_000).max(1_000_000);
const size = z.number().finite().min(10).max(20_000);
const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const fieldKeys = z.array(z.string().min(1).max(100)).max(200);
const nodeName = z.string().trim().max(50);

/** 节点时限: minutes on the calendar clock or in the vendor's business hours (工作时间). */
export const nodeTimeLimitSchema = z
  .object({
    minutes: z.number().int().min(1).max(MAX_NODE_MINUTES),
    clock: z.enum(['calendar', 'business']),
  })
  .strict();
export type NodeTimeLimit = z.infer<typeof nodeTimeLimitSchema>;

/** Which template fields a task node shows, lets agents change, and wants filled before 提交. */
export const nodeFieldRulesSchema = z
  .object({ visible: fieldKeys, editable: fieldKeys, required: fieldKeys })
  .strict();
export type NodeFieldRules = z.infer<typeof nodeFieldRulesSchema>;

/** 参与者: who may submit or return a ticket in this node (nobody listed: every agent who may edit it). */
export const nodeParticipantsSchema = z
  .object({ agentIds: z.array(id).max(100), groupIds: z.array(id).max(100) })
  .strict();

const actions = z.array(triggerActionSchema).max(MAX_TRIGGER_ACTIONS);

export const taskNodeDataSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    description: z.string().trim().max(500).optional(),
    fields: nodeFieldRulesSchema,
    participants: nodeParticipantsSchema,
    timeLimit: nodeTimeLimitSchema.nullable(),
    /** 页面加载 / 进入节点时: trigger actions run when a ticket enters the node. */
    onEnter: actions,
    /** 工单提交时: trigger actions run when the node is submitted, before the ticket moves on. */
    onSubmit: actions,
  })
  .strict();
export type TaskNodeData = z.infer<typeof taskNodeDataSchema>;

const nodeBase = {
  id: elementId,
  position: z.object({ x: coordinate, y: coordinate }).strict(),
  /** The swimlane (泳道) the node is drawn in. */
  parentId: elementId.optional(),
  width: size.optional(),
  height: size.optional(),
};

const node = <T extends WorkflowNodeType, D extends z.ZodType>(type: T, data: D) =>
  z.object({ ...nodeBase, type: z.literal(type), data }).strict();
const named = z.object({ name: nodeName.optional() }).strict();

export const workflowNodeSchema = z.discriminatedUnion('type', [
  node('start', named),
  node('task', taskNodeDataSchema),
  node('branch', named),
  node(
    'end',
    z
      .object({
        name: nodeName.optional(),
        /** 结束时将工单设为已解决. */
        solve: z.boolean().optional(),
      })
      .strict(),
  ),
  node('comment', z.object({ text: z.string().max(500) }).strict()),
  node('swimlane', z.object({ label: z.string().trim().max(50) }).strict()),
]);
export type WorkflowNode = z.infer<typeof workflowNodeSchema>;

export const workflowEdgeSchema = z
  .object({
    id: elementId,
    source: elementId,
    target: elementId,
    sourceHandle: z.string().max(64).nullable().optional(),
    targetHandle: z.string().max(64).nullable().optional(),
    data: z
      .object({
        /** 连线条件: the ticket moves along the connector when they hold. */
        conditions: conditionSetSchema.optional(),
        /** 默认路径 of a branch (分支). */
        isDefault: z.boolean().optional(),
        label: z.string().trim().max(50).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type WorkflowEdge = z.infer<typeof workflowEdgeSchema>;

export const workflowGraphSchema = z
  .object({
    nodes: z.array(workflowNodeSchema).max(MAX_WORKFLOW_NODES),
    edges: z.array(workflowEdgeSchema).max(MAX_WORKFLOW_EDGES),
  })
  .strict();
export type WorkflowGraphInput = z.input<typeof workflowGraphSchema>;
export type WorkflowGraph = z.infer<typeof workflowGraphSchema>;

/**
 * A problem of the graph, with the element the editor highlights. `path` is inside the graph
 * (`graph.nodes.2.data.name`, `graph.edges.0.data.conditions.all.0.value`).
 */
export const workflowProblemSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
});
export type WorkflowProblem = z.infer<typeof workflowProblemSchema>;

export const workflowVersionSummarySchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  /** Tickets on this version that are not closed. */
  activeTickets: z.number().int(),
});
export type WorkflowVersionSummary = z.infer<typeof workflowVersionSummarySchema>;

export const workflowListItemSchema = z.object({
  id: z.number().int(),
  templateId: z.number().int(),
  templateName: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  currentVersion: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type WorkflowListItem = z.infer<typeof workflowListItemSchema>;

/** A template field a task node can show, lock or require. */
export const workflowTemplateFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  system: z.boolean(),
});

export const workflowSchema = z.object({
  /** Null until the template's workflow is first saved. */
  id: z.number().int().nullable(),
  templateId: z.number().int(),
  templateName: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  draft: workflowGraphSchema,
  /** Problems of the draft; publishing needs none. */
  problems: z.array(workflowProblemSchema),
  currentVersion: workflowVersionSummarySchema.omit({ activeTickets: true }).nullable(),
  templateFields: z.array(workflowTemplateFieldSchema),
  updatedAt: z.string().nullable(),
});
export type Workflow = z.infer<typeof workflowSchema>;

const exampleGraph: WorkflowGraphInput = {
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 80 }, data: {} },
    {
      id: 'accept',
      type: 'task',
      position: { x: 160, y: 60 },
      data: {
        name: '受理',
        fields: { visible: ['subject', 'product'], editable: ['product'], required: ['product'] },
        participants: { agentIds: [], groupIds: [3] },
        timeLimit: { minutes: 120, clock: 'business' },
        onEnter: [{ field: 'ticket.autoAssign', value: { groupId: 3, strategy: 'least_load' } }],
        onSubmit: [],
      },
    },
    { id: 'route', type: 'branch', position: { x: 360, y: 80 }, data: { name: '按产品' } },
    { id: 'done', type: 'end', position: { x: 560, y: 80 }, data: { solve: true } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'accept' },
    { id: 'e2', source: 'accept', target: 'route' },
    {
      id: 'e3',
      source: 'route',
      target: 'done',
      data: {
        label: 'T+',
        conditions: { all: [{ field: 'ticket.custom.product', op: 'is', value: 'T+' }], any: [] },
      },
    },
    { id: 'e4', source: 'route', target: 'done', data: { isDefault: true, label: '其他' } },
  ],
};

/** PUT /api/v1/workflows/by-template/:templateId: save the draft (problems are reported, not refused). */
export const workflowSaveBody = z
  .object({ name: z.string().trim().min(1).max(50).optional(), graph: workflowGraphSchema })
  .strict()
  .meta({ example: { name: '北京客户问题处理', graph: exampleGraph } });
export type WorkflowSaveInput = z.infer<typeof workflowSaveBody>;

export const workflowUpdateBody = z
  .object({ name: z.string().trim().min(1).max(50), enabled: z.boolean() })
  .partial()
  .strict()
  .meta({ example: { enabled: false } });
export type WorkflowUpdateInput = z.infer<typeof workflowUpdateBody>;

export const templateIdParam = z.object({
  templateId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export const workflowList = z.object({ items: z.array(workflowListItemSchema) });
export const workflowVersionList = z.object({ items: z.array(workflowVersionSummarySchema) });

/** GET /api/v1/workflows/catalogue: what the editor offers (connector conditions, node actions, participants). */
export const workflowCatalogueSchema = z.object({
  conditions: z.array(conditionFieldSchema),
  actions: z.array(triggerActionFieldSchema),
  agents: z.array(z.object({ id: z.number().int(), name: z.string() })),
  groups: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type WorkflowCatalogue = z.infer<typeof workflowCatalogueSchema>;

/** Ticket side ------------------------------------------------------------------------------- */

export const WORKFLOW_PASSAGE_OUTCOMES = ['advanced', 'returned', 'ended'] as const;

export const workflowPassageSchema = z.object({
  id: z.number().int(),
  nodeId: z.string(),
  nodeName: z.string(),
  nodeType: z.enum(WORKFLOW_NODE_TYPES),
  enteredAt: z.string(),
  leftAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** Left after its due time (or still in it, past it). */
  overdue: z.boolean(),
  outcome: z.enum(WORKFLOW_PASSAGE_OUTCOMES).nullable(),
  agentId: z.number().int().nullable(),
  agentName: z.string().nullable(),
});
export type WorkflowPassage = z.infer<typeof workflowPassageSchema>;

export const ticketWorkflowNodeSchema = z.object({
  id: z.string(),
  type: z.enum(WORKFLOW_NODE_TYPES),
  name: z.string(),
  enteredAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Time spent in the node so far, in the minutes of its clock (business minutes for a business limit). */
  spentMinutes: z.number().int(),
  timeLimit: nodeTimeLimitSchema.nullable(),
  /**
   * Field rules: `governed` are the template's fields; of those, agents may change only `editable`
   * ones while the ticket is in the node, see only `visible` ones, and must fill `required` ones to submit.
   */
  fields: nodeFieldRulesSchema.extend({ governed: fieldKeys }),
  participants: nodeParticipantsSchema,
});

export const ticketWorkflowSchema = z.object({
  workflowId: z.number().int(),
  workflowName: z.string(),
  versionId: z.number().int(),
  version: z.number().int(),
  /** Null once the ticket reached an end node. */
  node: ticketWorkflowNodeSchema.nullable(),
  finished: z.boolean(),
  history: z.array(workflowPassageSchema),
  /** 退回: task nodes this ticket went through before, other than the current one. */
  returnTargets: z.array(z.object({ nodeId: z.string(), name: z.string() })),
  can: z.object({ advance: z.boolean(), return: z.boolean() }),
});
export type TicketWorkflow = z.infer<typeof ticketWorkflowSchema>;
export const ticketWorkflowResponse = z.object({ workflow: ticketWorkflowSchema.nullable() });

export const workflowAdvanceBody = z
  .object({ note: z.string().trim().max(2000).optional() })
  .strict()
  .meta({ example: { note: '已确认问题，转技术处理' } });
export const workflowReturnBody = z
  .object({ nodeId: elementId, note: z.string().trim().max(2000).optional() })
  .strict()
  .meta({ example: { nodeId: 'accept', note: '缺少客户的软件版本号，请补充' } });
export type WorkflowAdvanceInput = z.infer<typeof workflowAdvanceBody>;
export type WorkflowReturnInput = z.infer<typeof workflowReturnBody>;
