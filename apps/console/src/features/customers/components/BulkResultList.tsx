import { Table, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { BulkResult, FieldDefinition } from '../types/customerTypes';

interface Props {
  results: BulkResult[];
  /** Row names by id, to say which record failed. */
  names: Map<number, string>;
  defs: FieldDefinition[];
}

/** Field messages the server sends as codes in bulk results (it localizes them only in problem bodies). */
const FIELD_CODES = new Set([
  'required',
  'end_before_start',
  'invalid_phone',
  'invalid_mobile',
  'invalid_email',
  'invalid_url',
  'invalid_date',
  'not_an_option',
  'taken',
  'read_only',
  'regex_mismatch',
  'expected_integer',
  'expected_number',
]);

const KNOWN_CODES = new Set([
  'not_found',
  'customer_locked',
  'validation_failed',
  'service_code_taken',
  'identity_taken',
  'reference_not_found',
  'forbidden',
]);

/** The records a bulk action could not change, each with why (per-field reasons when given). */
export function BulkResultList({ results, names, defs }: Props) {
  const { t } = useT();
  const failed = results.filter((r) => !r.ok);
  const fieldLabel = (path: string) => {
    const key = path.replace(/^body\./, '').replace(/^custom\./, '');
    return defs.find((d) => d.key === key)?.label ?? key;
  };
  const reasonOf = (r: BulkResult) => {
    const code = r.error?.code ?? '';
    const reason = KNOWN_CODES.has(code)
      ? t(`customers.bulkError.${code}` as 'customers.bulkError.not_found')
      : code;
    const fields = (r.error?.errors ?? [])
      .map((e) => {
        const text = FIELD_CODES.has(e.message)
          ? t(`customers.fieldError.${e.message}` as 'customers.fieldError.required')
          : e.message;
        return `${fieldLabel(e.path)}：${text}`;
      })
      .join('；');
    return fields ? `${reason}（${fields}）` : reason;
  };
  return (
    <Table<BulkResult>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={failed}
      scroll={{ y: 240 }}
      data-testid="bulk-failures"
      columns={[
        { key: 'name', title: t('customers.bulkRecord'), render: (_, r) => names.get(r.id) ?? `#${r.id}` },
        {
          key: 'reason',
          title: t('customers.bulkReason'),
          render: (_, r) => <Typography.Text type="danger">{reasonOf(r)}</Typography.Text>,
        },
      ]}
    />
  );
}
