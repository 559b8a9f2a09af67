import {
  WORKFLOW_DRAWING_TYPES,
  type WorkflowEdge,
  type WorkflowGraph,
  type WorkflowNode,
  workflowGraphSchema,
} from '@yidan/contracts';

export type TaskNode = Extract<WorkflowNode, { type: 'task' }>;

const DEFAULT_NAMES: Record<WorkflowNode['type'], string> = {
  start: '开始',
  task: '任务',
  branch: '分支',
  end: '结束',
  comment: '注释',
  swimlane: '泳道',
};

/** The name a node shows on the ticket and in the timeline (开始 / 分支 / 结束 when unnamed). */
export function nodeName(node: WorkflowNode): string {
  if (node.type === 'comment') return DEFAULT_NAMES.comment;
  if (node.type === 'swimlane') return node.data.label || DEFAULT_NAMES.swimlane;
  return node.data.name || DEFAULT_NAMES[node.type];
}

export const isDrawing = (node: WorkflowNode) => WORKFLOW_DRAWING_TYPES.includes(node.type);

/** A stored graph (draft or version) read back: stored graphs were validated when written. */
export function readGraph(stored: unknown): WorkflowGraph {
  const parsed = workflowGraphSchema.safeParse(stored);
  return parsed.success ? parsed.data : { nodes: [], edges: [] };
}

/** Lookups over one graph, built once per use. */
export class GraphIndex {
  private readonly byId = new Map<string, WorkflowNode>();
  private readonly out = new Map<string, WorkflowEdge[]>();

  constructor(readonly graph: WorkflowGraph) {
    for (const n of graph.nodes) if (!this.byId.has(n.id)) this.byId.set(n.id, n);
    for (const e of graph.edges) this.out.set(e.source, [...(this.out.get(e.source) ?? []), e]);
  }

  node(id: string | null | undefined): WorkflowNode | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  task(id: string | null | undefined): TaskNode | undefined {
    const n = this.node(id);
    return n?.type === 'task' ? n : undefined;
  }

  outgoing(id: string): WorkflowEdge[] {
    return this.out.get(id) ?? [];
  }

  get start(): WorkflowNode | undefined {
    return this.graph.nodes.find((n) => n.type === 'start');
  }
}
