import { DeleteOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../i18n/useT';
import type { FieldOption } from '../types/customerTypes';
import { CascadeImportModal } from './CascadeImportModal';
import { cascadeToLines, importCascade, removeCascadeNode } from './cascadeOptions';

interface TreeNode {
  key: string;
  title: string;
  path: string[];
  children: TreeNode[];
}

const toTree = (options: FieldOption[], prefix: string[] = []): TreeNode[] =>
  options.map((o) => {
    const path = [...prefix, o.value];
    return { key: path.join('\u0001'), title: o.label, path, children: toTree(o.children ?? [], path) };
  });

/** The options of a 级联 field as a tree: import pasted lines (append or replace), delete branches. */
export function CascadeOptionsEditor({
  value = [],
  onChange,
}: {
  value?: FieldOption[];
  onChange?: (value: FieldOption[]) => void;
}) {
  const { t } = useT();
  const [importing, setImporting] = useState(false);
  const tree = useMemo(() => toTree(value), [value]);
  const leaves = cascadeToLines(value).length;

  return (
    <Flex vertical gap={8} data-testid="cascade-editor">
      <Flex gap={8} align="center" wrap>
        <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="cascade-import">
          {t('fields.cascadeImport')}
        </Button>
        {value.length > 0 && (
          <Button danger type="text" onClick={() => onChange?.([])}>
            {t('fields.cascadeClear')}
          </Button>
        )}
        <Typography.Text type="secondary">{t('fields.cascadeCount', { count: leaves })}</Typography.Text>
      </Flex>
      {tree.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fields.cascadeEmpty')} />
      ) : (
        <div
          style={{
            maxHeight: 260,
            overflow: 'auto',
            border: '1px solid #f0f0f0',
            borderRadius: 6,
            padding: 4,
          }}
        >
          <Tree<TreeNode>
            key={leaves}
            treeData={tree}
            defaultExpandAll
            selectable={false}
            blockNode
            titleRender={(node) => (
              <Flex justify="space-between" align="center">
                <span>{node.title}</span>
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => onChange?.(removeCascadeNode(value, node.path))}
                />
              </Flex>
            )}
          />
        </div>
      )}
      <CascadeImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImport={(text, mode) => onChange?.(importCascade(value, text, mode))}
      />
    </Flex>
  );
}
