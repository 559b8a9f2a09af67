import { Alert, Descriptions, Tag, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { TargetTestResult } from '../types/targetTypes';
import { outboxErrorText } from './outboxLabels';

const pre = {
  margin: 0,
  maxHeight: 160,
  overflow: 'auto',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
} as const;

/** What 测试 got back: the status code first, then the time, the answer and what was sent. */
export function TestResultPanel({ result }: { result: TargetTestResult }) {
  const { t } = useT();
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      title={result.ok ? t('targets.testOk') : t('targets.testFailed')}
      data-testid="target-test-result"
      description={
        <Descriptions size="small" column={1} styles={{ label: { width: 96 } }}>
          <Descriptions.Item label={t('targets.statusCode')}>
            <Tag color={result.ok ? 'success' : 'error'} data-testid="target-test-status">
              {result.statusCode ?? t('targets.noStatus')}
            </Tag>
            <Typography.Text type="secondary">
              {t('targets.duration', { ms: result.durationMs })}
            </Typography.Text>
          </Descriptions.Item>
          {result.error && (
            <Descriptions.Item label={t('outbox.error')}>
              {outboxErrorText(result.error, t)}
            </Descriptions.Item>
          )}
          {result.response && (
            <Descriptions.Item label={t('targets.response')}>
              <pre style={pre}>{result.response}</pre>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('targets.request')}>
            <pre
              style={pre}
            >{`${result.request.method} ${result.request.url}${result.request.body ? `\n\n${result.request.body}` : ''}`}</pre>
          </Descriptions.Item>
        </Descriptions>
      }
    />
  );
}
