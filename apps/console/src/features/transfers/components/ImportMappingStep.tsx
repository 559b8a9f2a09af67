import { Alert, Collapse, Flex, Grid, Select, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../i18n/useT';
import type { ImportPreview } from '../types/transferTypes';
import { groupFields, type MappingDraft, missingRequired, sampleValues } from '../utils/importMapping';

interface Props {
  preview: ImportPreview;
  /** The entity's name ("公司"), for the group of its own fields. */
  entityLabel: string;
  mapping: MappingDraft;
  onChange: (mapping: MappingDraft) => void;
  /** Column header → the server's message, after it refused the mapping. */
  columnErrors: Record<string, string>;
}

interface ColumnRow {
  header: string;
  index: number;
}

/**
 * Step 2 (manual 2.11.3.1 第三步): each file column on the left, the field it goes to on the right,
 * pre-filled with the server's auto-match; a field can take one column; required fields are marked.
 */
export function ImportMappingStep({ preview, entityLabel, mapping, onChange, columnErrors }: Props) {
  const { t } = useT();
  // On phones the samples give way to the field pickers; the rows stay in the preview below.
  const mobile = Grid.useBreakpoint().md === false;
  const missing = missingRequired(preview.fields, mapping);
  const used = useMemo(() => new Map(Object.entries(mapping).map(([h, key]) => [key, h])), [mapping]);

  const sectionLabel = (prefix: string) =>
    prefix === ''
      ? t('transfers.section.own', { entity: entityLabel })
      : prefix === 'contacts'
        ? t('transfers.section.contacts')
        : prefix === 'custom'
          ? t('transfers.section.custom')
          : prefix;

  const optionsFor = (header: string) => [
    { value: '', label: t('transfers.skipColumn') },
    ...groupFields(preview.fields).map((group) => ({
      label: sectionLabel(group.prefix),
      title: sectionLabel(group.prefix),
      options: group.fields.map((field) => {
        const takenBy = used.get(field.key);
        return {
          value: field.key,
          label: field.required ? `${field.label} *` : field.label,
          disabled: takenBy !== undefined && takenBy !== header,
        };
      }),
    })),
  ];

  const rows: ColumnRow[] = preview.header.map((header, index) => ({ header, index }));

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('transfers.mappingHint')}</Typography.Text>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('transfers.missingRequired', { fields: missing.map((f) => f.label).join('、') })}
          data-testid="import-missing-required"
        />
      )}
      <Table<ColumnRow>
        rowKey="header"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'column',
            title: t('transfers.fileColumn'),
            render: (_, row) => <Typography.Text strong>{row.header}</Typography.Text>,
          },
          ...(mobile
            ? []
            : [
                {
                  key: 'sample',
                  title: t('transfers.sample'),
                  render: (_: unknown, row: ColumnRow) => (
                    <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
                      {sampleValues(preview.rows, row.index).join(' / ') || '—'}
                    </Typography.Text>
                  ),
                },
              ]),
          {
            key: 'field',
            title: t('transfers.targetField'),
            render: (_, row) => (
              <Flex vertical gap={2}>
                <Select
                  value={mapping[row.header] ?? ''}
                  onChange={(key: string) => onChange({ ...mapping, [row.header]: key })}
                  options={optionsFor(row.header)}
                  status={columnErrors[row.header] ? 'error' : undefined}
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: mobile ? 170 : 200 }}
                  aria-label={row.header}
                  data-testid={`import-map-${row.header}`}
                />
                {columnErrors[row.header] && (
                  <Typography.Text type="danger">{columnErrors[row.header]}</Typography.Text>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <Collapse
        size="small"
        items={[
          {
            key: 'rows',
            label: t('transfers.previewRows', { count: preview.rows.length }),
            children: (
              <Table<{ key: number; cells: string[] }>
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={preview.rows.map((cells, key) => ({ key, cells }))}
                columns={preview.header.map((header, index) => ({
                  key: String(index),
                  title: header,
                  render: (_, row) => row.cells[index] || '—',
                }))}
                data-testid="import-preview"
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}
