import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Typography, theme } from 'antd';
import { useT } from '../../../i18n/useT';

export interface ProductRow {
  name: string;
  /** Unit price in fen (分). */
  price: number;
  quantity: number;
  total: number;
}
export interface ProductTableValue {
  rows: ProductRow[];
  total: number;
}

interface Props {
  value?: ProductTableValue;
  onChange?: (value: ProductTableValue | null) => void;
  disabled?: boolean;
  testId?: string;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);
const rowTotal = (r: Pick<ProductRow, 'price' | 'quantity'>) => Math.round(r.price * r.quantity);

/** Rows with their totals recomputed (the server computes them again on save). */
function withTotals(rows: ProductRow[]): ProductTableValue {
  const next = rows.map((r) => ({ ...r, total: rowTotal(r) }));
  return { rows: next, total: next.reduce((sum, r) => sum + r.total, 0) };
}

/** 商品表: name, unit price in 元 (stored as fen), quantity; row totals and the grand total follow. */
export function ProductTableInput({ value, onChange, disabled, testId }: Props) {
  const { t } = useT();
  const { token } = theme.useToken();
  const rows = value?.rows ?? [];
  const emit = (next: ProductRow[]) => onChange?.(next.length ? withTotals(next) : null);
  const patch = (index: number, change: Partial<ProductRow>) =>
    emit(rows.map((r, i) => (i === index ? { ...r, ...change } : r)));

  return (
    <Flex vertical gap={8} data-testid={testId}>
      {rows.length === 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('fieldInput.productEmpty')}
        </Typography.Text>
      )}
      {/* Rows wrap instead of scrolling sideways: the field may sit in a narrow side panel. */}
      {rows.map((r, i) => (
        <Flex
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          key={i}
          gap={6}
          align="center"
          wrap
          style={{ paddingBottom: 6, borderBottom: `1px dashed ${token.colorBorderSecondary}` }}
          data-testid={testId ? `${testId}-row-${i}` : undefined}
        >
          <Input
            value={r.name}
            maxLength={100}
            disabled={disabled}
            onChange={(e) => patch(i, { name: e.target.value })}
            placeholder={t('fieldInput.productName')}
            aria-label={t('fieldInput.productName')}
            status={r.name.trim() ? undefined : 'error'}
            style={{ flex: '1 1 140px', minWidth: 0 }}
          />
          <InputNumber
            value={r.price / 100}
            min={0}
            precision={2}
            prefix="¥"
            disabled={disabled}
            onChange={(v) => patch(i, { price: Math.round((v ?? 0) * 100) })}
            placeholder={t('fieldInput.productPrice')}
            aria-label={t('fieldInput.productPrice')}
            style={{ width: 120 }}
          />
          <InputNumber
            value={r.quantity}
            min={0.01}
            prefix="×"
            disabled={disabled}
            onChange={(v) => patch(i, { quantity: v ?? 1 })}
            aria-label={t('fieldInput.productQuantity')}
            style={{ width: 84 }}
          />
          <Typography.Text
            style={{ minWidth: 80, textAlign: 'end', marginInlineStart: 'auto' }}
            aria-label={t('fieldInput.productTotal')}
          >
            ¥{yuan(rowTotal(r))}
          </Typography.Text>
          <Button
            type="text"
            danger
            size="small"
            icon={<DeleteOutlined />}
            disabled={disabled}
            onClick={() => emit(rows.filter((_, j) => j !== i))}
            aria-label={t('common.delete')}
          />
        </Flex>
      ))}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Button
          type="dashed"
          size="small"
          icon={<PlusOutlined />}
          disabled={disabled || rows.length >= 200}
          onClick={() => emit([...rows, { name: '', price: 0, quantity: 1, total: 0 }])}
        >
          {t('fieldInput.productAdd')}
        </Button>
        <Typography.Text strong>
          {t('fieldInput.productGrandTotal')} ¥{yuan(withTotals(rows).total)}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
