import { Flex, Input, Select } from 'antd';
import { useT } from '../../../i18n/useT';
import { useTargets } from '../../targets/hooks/useTargets';

interface TargetValue {
  targetId?: number;
  body?: string;
}

/** 通知：外部目标 — which target, and optionally a body of the rule's own instead of the target's. */
export function TargetValueInput({
  value,
  onChange,
  testId,
}: {
  value: unknown;
  onChange: (value: TargetValue) => void;
  testId?: string;
}) {
  const { t } = useT();
  const { data: targets = [] } = useTargets();
  const current: TargetValue = { ...(value as TargetValue | undefined) };
  const set = (patch: Partial<TargetValue>) => {
    const next = { ...current, ...patch };
    if (!next.body) delete next.body;
    onChange(next);
  };
  return (
    <Flex vertical gap={8} style={{ width: '100%' }}>
      <Select
        value={current.targetId}
        onChange={(targetId: number) => set({ targetId })}
        options={targets
          .filter((x) => x.enabled || x.id === current.targetId)
          .map((x) => ({ value: x.id, label: x.title }))}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('targets.value.target')}
        aria-label={t('targets.value.target')}
        data-testid={testId}
      />
      <Input.TextArea
        value={current.body ?? ''}
        onChange={(e) => set({ body: e.target.value })}
        autoSize={{ minRows: 2, maxRows: 10 }}
        maxLength={20_000}
        spellCheck={false}
        placeholder={t('targets.value.body')}
        aria-label={t('targets.value.body')}
      />
    </Flex>
  );
}
