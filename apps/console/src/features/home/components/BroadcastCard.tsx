import { NotificationOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useSendNotification } from '../../notifications/hooks/useSendNotification';
import { useAgentDirectory } from '../../org/hooks/useAgents';

interface Values {
  agentIds: number[];
  title: string;
  body?: string;
}

/** Admins (org.agents) can send a notification to chosen agents. */
export function BroadcastCard() {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const agents = (useAgentDirectory().data ?? []).filter((a) => a.enabled);
  const send = useSendNotification();
  const showError = useApiError();

  const submit = (v: Values) =>
    send.mutate(
      { agentIds: v.agentIds, title: v.title.trim(), body: v.body?.trim() || undefined },
      {
        onSuccess: () => {
          message.success(t('home.broadcastSent'));
          form.resetFields();
        },
        onError: (e) => showError(e, form),
      },
    );

  return (
    <Card title={t('home.broadcast')} size="small" extra={<NotificationOutlined />}>
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 640 }}>
        <Form.Item name="agentIds" label={t('home.broadcastTo')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={agents.map((a) => ({ value: a.id, label: `${a.name} (${a.account})` }))}
            data-testid="broadcast-agents"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('home.broadcastTitle')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input data-testid="broadcast-title" />
        </Form.Item>
        <Form.Item name="body" label={t('home.broadcastBody')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="broadcast-body" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="broadcast-submit">
          {t('home.broadcastSend')}
        </Button>
      </Form>
    </Card>
  );
}
