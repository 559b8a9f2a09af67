import { Select } from 'antd';
import { useT } from '../../../i18n/useT';
import { useAgentDirectory } from '../../org/hooks/useAgents';

interface Props {
  value?: number[];
  onChange?: (ids: number[]) => void;
  testId?: string;
}

/** 抄送客服: any enabled colleague may be copied, available or not. */
export function AgentMultiSelect({ value, onChange, testId }: Props) {
  const { t } = useT();
  const { data: agents = [] } = useAgentDirectory();
  return (
    <Select
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? []}
      onChange={onChange}
      options={agents.filter((a) => a.enabled).map((a) => ({ value: a.id, label: a.name }))}
      placeholder={t('tickets.pickCcAgents')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
