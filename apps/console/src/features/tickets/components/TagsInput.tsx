import { Select } from 'antd';
import { useT } from '../../../i18n/useT';

interface Props {
  value?: string[];
  onChange?: (tags: string[]) => void;
  placeholder?: string;
  testId?: string;
}

/** 标签: typed freely, Enter or a comma adds one. */
export function TagsInput({ value, onChange, placeholder, testId }: Props) {
  const { t } = useT();
  return (
    <Select
      mode="tags"
      value={value}
      onChange={onChange}
      tokenSeparators={[',', '，']}
      open={false}
      suffixIcon={null}
      maxCount={50}
      placeholder={placeholder ?? t('tickets.tagsPlaceholder')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
