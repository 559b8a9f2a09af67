import { EnvironmentOutlined, PaperClipOutlined } from '@ant-design/icons';
import {
  Button,
  Cascader,
  Checkbox,
  DatePicker,
  Input,
  InputNumber,
  Rate,
  Select,
  Tooltip,
  Typography,
} from 'antd';
import { useT } from '../../../i18n/useT';
import type { FieldDefinition } from '../types/customerTypes';
import { AssetInput, type AssetValue } from './AssetInput';
import { ProductTableInput, type ProductTableValue } from './ProductTableInput';
import { SignaturePad } from './SignaturePad';
import { SmsCodeInput, type SmsCodeValue } from './SmsCodeInput';

interface Props {
  def: FieldDefinition;
  disabled?: boolean;
  value?: unknown;
  onChange?: (value: unknown) => void;
  testId?: string;
}

const full = { width: '100%' };

/** The control for one custom field, chosen by its type; value and onChange come from Form.Item. */
export function CustomFieldInput({ def, disabled, value, onChange, testId }: Props) {
  const { t } = useT();
  const common = { disabled, 'data-testid': testId };
  const options = def.options.map((o) => ({ value: o.value, label: o.label }));
  const text = (e: { target: { value: string } }) => onChange?.(e.target.value);

  switch (def.type) {
    case 'textarea':
      return (
        <Input.TextArea
          {...common}
          value={value as string}
          onChange={text}
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
      );
    case 'integer':
    case 'decimal':
      return (
        <InputNumber
          {...common}
          value={value as number}
          onChange={onChange}
          precision={def.type === 'integer' ? 0 : undefined}
          style={full}
        />
      );
    case 'select':
      return (
        <Select {...common} value={value} onChange={onChange} options={options} allowClear style={full} />
      );
    case 'multiselect':
      return (
        <Select
          {...common}
          mode="multiple"
          value={value}
          onChange={onChange}
          options={options}
          style={full}
        />
      );
    case 'checkbox':
      return (
        <Checkbox {...common} checked={Boolean(value)} onChange={(e) => onChange?.(e.target.checked)}>
          {def.label}
        </Checkbox>
      );
    case 'date':
    case 'datetime':
      return (
        <DatePicker
          {...common}
          value={value as never}
          onChange={onChange}
          showTime={def.type === 'datetime' ? { format: 'HH:mm' } : undefined}
          format={def.type === 'datetime' ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
          style={full}
        />
      );
    case 'cascade':
      return (
        <Cascader
          {...common}
          value={value as string[]}
          onChange={onChange}
          options={def.options}
          changeOnSelect={false}
          showSearch
          style={full}
        />
      );
    case 'attachment':
      return (
        <Tooltip title={t('common.comingSoon')}>
          <Button icon={<PaperClipOutlined />} disabled>
            {t('customers.attachmentUpload')}
          </Button>
        </Tooltip>
      );
    case 'location':
      return <Input {...common} value={value as string} onChange={text} prefix={<EnvironmentOutlined />} />;
    case 'rating':
      return (
        <Rate
          {...common}
          count={typeof def.config.max === 'number' ? def.config.max : 5}
          value={typeof value === 'number' ? value : 0}
          onChange={(stars) => onChange?.(stars || null)}
        />
      );
    case 'signature':
      return (
        <SignaturePad
          disabled={disabled}
          testId={testId}
          value={value as string | undefined}
          onChange={onChange}
        />
      );
    case 'sms_code':
      return (
        <SmsCodeInput
          disabled={disabled}
          testId={testId}
          value={value as SmsCodeValue | undefined}
          onChange={onChange}
        />
      );
    case 'product_table':
      return (
        <ProductTableInput
          disabled={disabled}
          testId={testId}
          value={value as ProductTableValue | undefined}
          onChange={onChange}
        />
      );
    case 'asset':
      return (
        <AssetInput
          disabled={disabled}
          testId={testId}
          value={value as AssetValue | undefined}
          onChange={onChange}
        />
      );
    case 'calculated':
      // Computed by the server from other fields on every save.
      return (
        <Tooltip title={t('fieldInput.calculatedHelp', { expression: String(def.config.expression ?? '') })}>
          <Typography.Text data-testid={testId}>
            {value === undefined || value === null ? '—' : String(value)}
          </Typography.Text>
        </Tooltip>
      );
    default:
      return (
        <Input
          {...common}
          value={value as string}
          onChange={text}
          inputMode={def.type === 'phone' ? 'tel' : def.type === 'email' ? 'email' : undefined}
          placeholder={def.type === 'url' ? 'https://' : undefined}
        />
      );
  }
}
