import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  MarkerType,
  MiniMap,
  type NodeChange,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import type { Workflow, WorkflowCatalogue, WorkflowNodeType, WorkflowProblem } from '@yidan/contracts';
import '@xyflow/react/dist/style.css';
import { App, Flex, Grid, theme } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../../api/ApiError';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useNodeLabel } from '../hooks/useNodeLabel';
import { usePublishWorkflow, useSaveWorkflow } from '../hooks/useWorkflows';
import {
  type EditorEdge,
  type EditorNode,
  fromFlow,
  newId,
  newNodeData,
  toFlow,
} from '../utils/workflowGraph';
import { EditorToolbar } from './EditorToolbar';
import { NodePalette } from './NodePalette';
import { WORKFLOW_NODE_TYPES } from './nodes/nodeTypes';
import { ProblemList } from './ProblemList';
import { ProblemIdsContext } from './problemContext';
import { SelectionPanel } from './SelectionPanel';

interface Props {
  workflow: Workflow;
  catalogue: WorkflowCatalogue;
}

/** The first place at or below `at` where a new node does not cover a top-level node. */
function freeSpot(nodes: EditorNode[], at: { x: number; y: number }) {
  const spot = { ...at };
  const covers = (n: EditorNode) =>
    n.type !== 'swimlane' &&
    !n.parentId &&
    Math.abs(n.position.x - spot.x) < (n.measured?.width ?? 180) + 20 &&
    Math.abs(n.position.y - spot.y) < (n.measured?.height ?? 60) + 20;
  for (let i = 0; i < 30 && nodes.some(covers); i++) spot.y += 90;
  return spot;
}

/** Changes that only reflect what React Flow measured or selected: not an edit of the drawing. */
const isEdit = (c: NodeChange<EditorNode> | EdgeChange<EditorEdge>) =>
  c.type !== 'select' && (c.type !== 'dimensions' || Boolean(c.resizing));

/**
 * 工单流 editor (manual 5.1.3): the canvas (React Flow) with the palette, the side panel editing the
 * selected node or connector, and 保存草稿 / 发布. Problems found on save or publish are listed and
 * their nodes and connectors drawn in red.
 */
function Editor({ workflow, catalogue }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const narrow = Grid.useBreakpoint().lg === false;
  const flow = useReactFlow<EditorNode, EditorEdge>();
  const initial = useMemo(() => toFlow(workflow.draft), [workflow.draft]);
  const [nodes, setNodes] = useState<EditorNode[]>(initial.nodes);
  const [edges, setEdges] = useState<EditorEdge[]>(initial.edges);
  // A template's starter draft has nothing drawn yet: its problems would only be noise.
  const [problems, setProblems] = useState<WorkflowProblem[]>(workflow.id === null ? [] : workflow.problems);
  const [dirty, setDirty] = useState(false);
  const canvasRef = useRef<HTMLDivElement>(null);
  const save = useSaveWorkflow(workflow.templateId);
  const publish = usePublishWorkflow();
  const showError = useApiError();
  const label = useNodeLabel();
  const fieldKeys = useMemo(() => workflow.templateFields.map((f) => f.key), [workflow.templateFields]);

  const onNodesChange = useCallback((changes: NodeChange<EditorNode>[]) => {
    setNodes((ns) => applyNodeChanges(changes, ns));
    if (changes.some(isEdit)) setDirty(true);
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<EditorEdge>[]) => {
    setEdges((es) => applyEdgeChanges(changes, es));
    if (changes.some(isEdit)) setDirty(true);
  }, []);
  const connect = useCallback((c: Connection) => {
    setEdges((es) => addEdge({ ...c, id: newId('e'), data: {} }, es));
    setDirty(true);
  }, []);

  const select = useCallback((id: string | null) => {
    setNodes((ns) => ns.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })));
    setEdges((es) => es.map((e) => (e.selected === (e.id === id) ? e : { ...e, selected: e.id === id })));
  }, []);

  const add = (type: WorkflowNodeType) => {
    const box = canvasRef.current?.getBoundingClientRect();
    const centre = box
      ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 3 })
      : { x: 0, y: 0 };
    const position = type === 'swimlane' ? centre : freeSpot(nodes, { x: centre.x - 90, y: centre.y - 30 });
    const count = nodes.filter((n) => n.type === type).length + 1;
    const node: EditorNode = {
      id: newId(type),
      type,
      position,
      data: newNodeData(type, fieldKeys, `${t(`workflows.type.${type}`)}${count}`),
      selected: true,
      ...(type === 'swimlane' ? { width: 640, height: 220 } : {}),
    };
    setNodes((ns) => {
      const rest = ns.map((n) => (n.selected ? { ...n, selected: false } : n));
      return type === 'swimlane' ? [node, ...rest] : [...rest, node];
    });
    setEdges((es) => es.map((e) => (e.selected ? { ...e, selected: false } : e)));
    setDirty(true);
  };

  /** A node dropped on a swimlane joins it (its position becomes relative); dragged out, it leaves. */
  const placeInLane = (node: EditorNode) => {
    if (node.type === 'swimlane') return;
    const lane = flow.getIntersectingNodes(node).find((n) => n.type === 'swimlane');
    if ((lane?.id ?? undefined) === node.parentId) return;
    const abs = flow.getInternalNode(node.id)?.internals.positionAbsolute ?? node.position;
    const origin = lane
      ? (flow.getInternalNode(lane.id)?.internals.positionAbsolute ?? lane.position)
      : { x: 0, y: 0 };
    setNodes((ns) =>
      ns.map((n) =>
        n.id === node.id
          ? { ...n, parentId: lane?.id, position: { x: abs.x - origin.x, y: abs.y - origin.y } }
          : n,
      ),
    );
  };

  const updateNode = useCallback((id: string, data: Record<string, unknown>) => {
    setNodes((ns) => ns.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...data } } : n)));
    setDirty(true);
  }, []);
  const updateEdge = useCallback((id: string, data: EditorEdge['data']) => {
    setEdges((es) => es.map((e) => (e.id === id ? { ...e, data: { ...e.data, ...data } } : e)));
    setDirty(true);
  }, []);
  const remove = useCallback(
    (id: string) => {
      void flow.deleteElements({ nodes: [{ id }], edges: [{ id }] });
      setDirty(true);
    },
    [flow],
  );

  const graph = () => fromFlow(nodes, edges, catalogue.actions);
  const saveDraft = async () => {
    const saved = await save.mutateAsync(graph());
    setProblems(saved.problems);
    setDirty(false);
    return saved;
  };
  const onSave = () =>
    saveDraft().then(
      (w) =>
        w.problems.length
          ? message.warning(t('workflows.savedWithProblems', { n: w.problems.length }))
          : message.success(t('workflows.saved')),
      (e) => showError(e),
    );
  const onPublish = async () => {
    try {
      const saved = await saveDraft();
      if (saved.problems.length) {
        message.error(t('workflows.publishBlocked', { n: saved.problems.length }));
        return;
      }
      const published = await publish.mutateAsync(saved.id!);
      message.success(t('workflows.published', { v: published.currentVersion?.version ?? '' }));
    } catch (e) {
      const listed = isApiError(e, 422)
        ? (e.problem as { problems?: WorkflowProblem[] } | null)?.problems
        : null;
      if (listed) setProblems(listed);
      showError(e);
    }
  };

  const problemIds = useMemo(
    () => new Set(problems.flatMap((p) => [p.nodeId, p.edgeId].filter((x): x is string => Boolean(x)))),
    [problems],
  );
  const shownEdges = useMemo(
    () =>
      edges.map((e) => {
        const bad = problemIds.has(e.id);
        const conditional = Boolean(e.data?.conditions?.all.length || e.data?.conditions?.any.length);
        const text = [e.data?.label, e.data?.isDefault ? t('workflows.edge.defaultTag') : null]
          .filter(Boolean)
          .join(' · ');
        const stroke = bad ? token.colorError : e.selected ? token.colorPrimary : token.colorTextTertiary;
        return {
          ...e,
          label: text || (conditional ? t('workflows.edge.conditional') : undefined),
          markerEnd: { type: MarkerType.ArrowClosed, color: stroke },
          style: {
            stroke,
            strokeWidth: e.selected || bad ? 2.5 : 1.5,
            strokeDasharray: conditional ? '6 3' : undefined,
          },
        };
      }),
    [edges, problemIds, token, t],
  );

  const nameOf = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    if (node) return label(node);
    const edge = edges.find((e) => e.id === id);
    const end = (nodeId: string) => {
      const n = nodes.find((x) => x.id === nodeId);
      return n ? label(n) : nodeId;
    };
    return edge ? `${end(edge.source)} → ${end(edge.target)}` : null;
  };

  const selectedNode = nodes.find((n) => n.selected);
  const selectedEdge = selectedNode ? undefined : edges.find((e) => e.selected);

  return (
    <Flex vertical gap={12}>
      <EditorToolbar
        workflow={workflow}
        dirty={dirty}
        saving={save.isPending}
        publishing={publish.isPending}
        onSave={onSave}
        onPublish={onPublish}
      />
      <ProblemList problems={problems} stale={dirty} onPick={select} nameOf={nameOf} />
      <Flex gap={12} vertical={narrow}>
        <div
          ref={canvasRef}
          style={{
            // In a column (phones) a growing item has no definite height for React Flow's 100%.
            flex: narrow ? 'none' : 1,
            minWidth: 0,
            height: narrow ? 480 : 'calc(100vh - 260px)',
            minHeight: 480,
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadiusLG,
            background: token.colorBgContainer,
          }}
          data-testid="workflow-canvas"
        >
          <ProblemIdsContext.Provider value={problemIds}>
            <ReactFlow<EditorNode, EditorEdge>
              nodes={nodes}
              edges={shownEdges}
              nodeTypes={WORKFLOW_NODE_TYPES}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={connect}
              onNodeDragStop={(_, node) => placeInLane(node)}
              deleteKeyCode={['Backspace', 'Delete']}
              fitView
              fitViewOptions={{ maxZoom: 1 }}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={16} />
              <Controls showInteractive={false} />
              {!narrow && <MiniMap pannable zoomable style={{ width: 140, height: 90 }} />}
              <Panel position="top-left">
                <NodePalette onAdd={add} />
              </Panel>
            </ReactFlow>
          </ProblemIdsContext.Provider>
        </div>
        <SelectionPanel
          nodes={nodes}
          edges={edges}
          node={selectedNode}
          edge={selectedEdge}
          workflow={workflow}
          catalogue={catalogue}
          problems={problems}
          onSelect={select}
          onConnect={(source, target) => connect({ source, target, sourceHandle: null, targetHandle: null })}
          onNodeChange={updateNode}
          onEdgeChange={updateEdge}
          onRemove={remove}
          width={narrow ? undefined : 420}
        />
      </Flex>
    </Flex>
  );
}

export function WorkflowEditor(props: Props) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  );
}
