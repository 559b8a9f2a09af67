import type { Edge, Node } from '@xyflow/react';
import type {
  TaskNodeData,
  TriggerActionField,
  WorkflowEdge,
  WorkflowGraph,
  WorkflowNode,
  WorkflowNodeType,
} from '@yidan/contracts';
import { EMPTY_CONDITIONS, valuesToTriggerBody } from '../../triggers/components/triggerFormValues';

/** A node as the editor holds it: our node data in React Flow's node (actions may be half-filled drafts). */
export type EditorNode = Node<Record<string, unknown>, WorkflowNodeType>;
export type EditorEdge = Edge<NonNullable<WorkflowEdge['data']>>;

export const PROCESS_TYPES: WorkflowNodeType[] = ['start', 'task', 'branch', 'end'];
export const isProcess = (type: string | undefined) => PROCESS_TYPES.includes(type as WorkflowNodeType);

/** Ids as the server takes them (letters, digits, _ and -). */
export const newId = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

/** Swimlanes first: React Flow draws a parent before its children, and lanes sit under the nodes. */
const lanesFirst = (nodes: EditorNode[]) =>
  [...nodes].sort((a, b) => Number(b.type === 'swimlane') - Number(a.type === 'swimlane'));

export function toFlow(graph: WorkflowGraph): { nodes: EditorNode[]; edges: EditorEdge[] } {
  const nodes = graph.nodes.map(
    (n): EditorNode => ({
      id: n.id,
      type: n.type,
      position: n.position,
      data: n.data as Record<string, unknown>,
      ...(n.parentId ? { parentId: n.parentId } : {}),
      ...(n.width && n.height ? { width: n.width, height: n.height } : {}),
    }),
  );
  const edges = graph.edges.map(
    (e): EditorEdge => ({
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle ?? null,
      targetHandle: e.targetHandle ?? null,
      data: e.data ?? {},
    }),
  );
  return { nodes: lanesFirst(nodes), edges };
}

/** Node actions as the API takes them: unfinished rows dropped, values as the trigger drawer sends them. */
function cleanActions(actions: unknown, catalogue: TriggerActionField[]) {
  const drafts = ((actions as { field?: string; value?: unknown }[] | undefined) ?? []).filter(
    (a) => a?.field,
  );
  return valuesToTriggerBody(
    { title: '-', description: '', enabled: true, conditions: EMPTY_CONDITIONS, actions: drafts },
    catalogue,
  ).actions;
}

const round = (n: number) => Math.round(n);

/** The drawing as the API stores it: only our own properties, whole-pixel positions. */
export function fromFlow(
  nodes: EditorNode[],
  edges: EditorEdge[],
  catalogue: TriggerActionField[],
): WorkflowGraph {
  return {
    nodes: lanesFirst(nodes).map((n) => {
      const data =
        n.type === 'task'
          ? {
              ...(n.data as TaskNodeData),
              onEnter: cleanActions(n.data.onEnter, catalogue),
              onSubmit: cleanActions(n.data.onSubmit, catalogue),
            }
          : n.data;
      return {
        id: n.id,
        type: n.type,
        position: { x: round(n.position.x), y: round(n.position.y) },
        data,
        ...(n.parentId ? { parentId: n.parentId } : {}),
        ...(n.type === 'swimlane' && n.width && n.height
          ? { width: round(n.width), height: round(n.height) }
          : {}),
      } as WorkflowNode;
    }),
    edges: edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      ...(e.sourceHandle ? { sourceHandle: e.sourceHandle } : {}),
      ...(e.targetHandle ? { targetHandle: e.targetHandle } : {}),
      ...(e.data && Object.keys(e.data).length ? { data: e.data } : {}),
    })),
  };
}

/** What a new node of each kind starts with; a task shows and lets agents edit every template field. */
export function newNodeData(
  type: WorkflowNodeType,
  fieldKeys: string[],
  name: string,
): Record<string, unknown> {
  switch (type) {
    case 'task':
      return {
        name,
        fields: { visible: fieldKeys, editable: fieldKeys, required: [] },
        participants: { agentIds: [], groupIds: [] },
        timeLimit: null,
        onEnter: [],
        onSubmit: [],
      } satisfies TaskNodeData;
    case 'comment':
      return { text: '' };
    case 'swimlane':
      return { label: name };
    case 'end':
      return { solve: false };
    default:
      return {};
  }
}
