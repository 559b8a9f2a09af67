import { FEATURES, type Feature } from '@yidan/contracts';
import { Alert, App, Button, Card, Flex, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Features } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useFeatures, useUpdateFeatures } from '../hooks/useFeatures';

/** 功能开关 (manual 2.5): a switched-off feature is hidden for everyone until switched on again. */
export function FeatureSwitchesPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const { data: saved, isLoading } = useFeatures();
  const update = useUpdateFeatures();
  const showError = useApiError();
  const [draft, setDraft] = useState<Features | null>(null);

  useEffect(() => {
    if (saved) setDraft(saved);
  }, [saved]);

  const changed = draft && saved ? FEATURES.filter((f) => draft[f] !== saved[f]) : [];

  const save = () => {
    if (!draft) return;
    const body: Partial<Record<Feature, boolean>> = {};
    for (const f of changed) body[f] = draft[f];
    update.mutate(body, {
      onSuccess: () => message.success(t('common.saved')),
      onError: (e) => showError(e),
    });
  };

  return (
    <>
      <PageHeader
        title={t('nav.features')}
        description={t('features.hint')}
        extra={
          <>
            <Button disabled={changed.length === 0} onClick={() => saved && setDraft(saved)}>
              {t('common.reset')}
            </Button>
            <Button
              type="primary"
              disabled={changed.length === 0}
              loading={update.isPending}
              onClick={save}
              data-testid="features-save"
            >
              {t('common.save')}
            </Button>
          </>
        }
      />
      {changed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('features.unsaved', { count: changed.length })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        {isLoading || !draft ? (
          <Skeleton active />
        ) : (
          <Flex vertical>
            {FEATURES.map((feature, index) => (
              <Flex
                key={feature}
                justify="space-between"
                align="center"
                gap={16}
                style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f0f0' }}
              >
                <div>
                  <Typography.Text strong>{t(`feature.${feature}`)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">{t(`featureHelp.${feature}`)}</Typography.Text>
                </div>
                <Switch
                  checked={draft[feature]}
                  onChange={(checked) => setDraft({ ...draft, [feature]: checked })}
                  data-testid={`feature-${feature}`}
                />
              </Flex>
            ))}
          </Flex>
        )}
      </Card>
    </>
  );
}
