import { Flex, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { useNodeLabel } from '../hooks/useNodeLabel';
import type { EditorEdge, EditorNode } from '../utils/workflowGraph';

/** Nothing selected: how to draw, and every node and connector as a link (keyboard and screen readers too). */
export function GraphOutline({
  nodes,
  edges,
  onSelect,
}: {
  nodes: EditorNode[];
  edges: EditorEdge[];
  onSelect: (id: string) => void;
}) {
  const { t } = useT();
  const label = useNodeLabel();
  const name = (id: string) => {
    const n = nodes.find((x) => x.id === id);
    return n ? label(n) : id;
  };
  return (
    <Flex vertical gap={12} data-testid="workflow-outline">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('workflows.outline.help')}
      </Typography.Paragraph>
      <div>
        <Typography.Text strong>{t('workflows.outline.nodes')}</Typography.Text>
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
          {nodes.map((n) => (
            <li key={n.id}>
              <Typography.Link onClick={() => onSelect(n.id)} data-testid={`wf-outline-${n.id}`}>
                {label(n)}
              </Typography.Link>{' '}
              <Typography.Text type="secondary">{t(`workflows.type.${n.type ?? 'task'}`)}</Typography.Text>
            </li>
          ))}
        </ul>
      </div>
      {edges.length > 0 && (
        <div>
          <Typography.Text strong>{t('workflows.outline.edges')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
            {edges.map((e) => (
              <li key={e.id}>
                <Typography.Link onClick={() => onSelect(e.id)}>
                  {name(e.source)} → {name(e.target)}
                </Typography.Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Flex>
  );
}
