import { SaveOutlined } from '@ant-design/icons';
import type { ConditionSet } from '@yidan/contracts';
import { Button, Card, Flex, Skeleton } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { ConditionBuilder } from '../../conditions/components/ConditionBuilder';
import { useCompanyQueryFields } from '../hooks/useCompanies';

const EMPTY: ConditionSet = { all: [], any: [] };

interface Props {
  applied: ConditionSet | null;
  onApply: (conditions: ConditionSet | null) => void;
  /** 保存为查询器: the conditions being edited become a named, shareable query. */
  onSave: (conditions: ConditionSet) => void;
  onClose: () => void;
}

/** 高级查询 (manual 2.11.3.3): conditions over system, custom and default-contact fields. */
export function AdvancedQueryPanel({ applied, onApply, onSave, onClose }: Props) {
  const { t, lang } = useT();
  const { data: fields, isLoading } = useCompanyQueryFields(true);
  const [draft, setDraft] = useState<ConditionSet>(applied ?? EMPTY);
  const empty = draft.all.length === 0 && draft.any.length === 0;

  return (
    <Card size="small" title={t('customers.advancedQuery')} data-testid="advanced-query">
      {isLoading || !fields ? (
        <Skeleton active />
      ) : (
        <ConditionBuilder fields={fields} value={draft} onChange={setDraft} lang={lang} />
      )}
      <Flex gap={8} justify="flex-end" wrap style={{ marginTop: 12 }}>
        <Button onClick={onClose}>{t('customers.advancedQueryClose')}</Button>
        <Button
          disabled={!applied && empty}
          onClick={() => {
            setDraft(EMPTY);
            onApply(null);
          }}
        >
          {t('customers.advancedQueryClear')}
        </Button>
        <Button
          icon={<SaveOutlined />}
          disabled={empty}
          onClick={() => onSave(draft)}
          data-testid="saved-query-save"
        >
          {t('savedQuery.save')}
        </Button>
        <Button
          type="primary"
          onClick={() => onApply(empty ? null : draft)}
          data-testid="advanced-query-apply"
        >
          {t('customers.advancedQueryApply')}
        </Button>
      </Flex>
    </Card>
  );
}
