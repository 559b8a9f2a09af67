import type { NodeTypes } from '@xyflow/react';
import { CommentNode } from './CommentNode';
import { ProcessNode } from './ProcessNode';
import { SwimlaneNode } from './SwimlaneNode';

/** React Flow's renderers per node type; defined once, outside any component, as React Flow asks. */
export const WORKFLOW_NODE_TYPES: NodeTypes = {
  start: ProcessNode,
  task: ProcessNode,
  branch: ProcessNode,
  end: ProcessNode,
  comment: CommentNode,
  swimlane: SwimlaneNode,
};
