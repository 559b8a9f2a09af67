import type { Workflow, WorkflowCatalogue, WorkflowProblem } from '@yidan/contracts';
import { Card } from 'antd';
import { useT } from '../../../i18n/useT';
import type { EditorEdge, EditorNode } from '../utils/workflowGraph';
import { EdgePanel } from './EdgePanel';
import { GraphOutline } from './GraphOutline';
import { NodePanel } from './NodePanel';

export interface SelectionPanelProps {
  nodes: EditorNode[];
  edges: EditorEdge[];
  node: EditorNode | undefined;
  edge: EditorEdge | undefined;
  workflow: Workflow;
  catalogue: WorkflowCatalogue;
  problems: WorkflowProblem[];
  onSelect: (id: string | null) => void;
  onConnect: (source: string, target: string) => void;
  onNodeChange: (id: string, data: Record<string, unknown>) => void;
  onEdgeChange: (id: string, data: EditorEdge['data']) => void;
  onRemove: (id: string) => void;
  width?: number;
}

/** The side panel: the selected node or connector to edit, else an outline of the drawing. */
export function SelectionPanel(props: SelectionPanelProps) {
  const { t } = useT();
  const { node, edge, width } = props;
  const title = node
    ? t(`workflows.type.${node.type ?? 'task'}`)
    : edge
      ? t('workflows.edge.title')
      : t('workflows.outline.title');
  return (
    <Card
      // A new selection starts at the top of the panel.
      key={node?.id ?? edge?.id ?? 'outline'}
      size="small"
      title={title}
      style={{ width, flex: width ? 'none' : undefined }}
      styles={{
        body: { maxHeight: width ? 'calc(100vh - 310px)' : undefined, minHeight: 420, overflow: 'auto' },
      }}
      data-testid="workflow-panel"
    >
      {node ? (
        <NodePanel key={node.id} {...props} node={node} />
      ) : edge ? (
        <EdgePanel key={edge.id} {...props} edge={edge} />
      ) : (
        <GraphOutline nodes={props.nodes} edges={props.edges} onSelect={props.onSelect} />
      )}
    </Card>
  );
}
