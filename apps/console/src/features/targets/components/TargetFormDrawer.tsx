import {
  LEGACY_TARGET_PLACEHOLDERS,
  TARGET_CONTENT_TYPES,
  TARGET_METHODS,
  type TargetContentType,
  type TargetMethodName,
} from '@yidan/contracts';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { scrollToFirstError } from '../../../components/scrollToFirstError';
import { useT } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh-CN';
import { PlaceholderList } from '../../ticketSettings/components/PlaceholderList';
import { usePrintPlaceholders } from '../../ticketSettings/hooks/usePrintTemplates';
import { useCreateTarget, useTestTarget, useUpdateTarget } from '../hooks/useTargets';
import type { Target, TargetCreate, TargetTestResult } from '../types/targetTypes';
import { HeadersInput } from './HeadersInput';
import { TestResultPanel } from './TestResultPanel';

interface Values {
  title: string;
  description: string;
  enabled: boolean;
  url: string;
  method: TargetMethodName;
  contentType: TargetContentType;
  headers: { name: string; value: string }[];
  /** Nested as the API has it, so a server error at `auth.password` lands on its field. */
  auth: { type: Target['auth']['type']; username: string; password: string; token: string };
  body: string;
}

const CONTENT_TYPE_LABELS: Record<TargetContentType, MessageKey> = {
  'application/json': 'targets.ct.json',
  'application/x-www-form-urlencoded': 'targets.ct.form',
  'application/xml': 'targets.ct.xml',
  'text/plain': 'targets.ct.text',
};

const EMPTY: Values = {
  title: '',
  description: '',
  enabled: true,
  url: 'https://',
  method: 'POST',
  contentType: 'application/json',
  headers: [],
  auth: { type: 'none', username: '', password: '', token: '' },
  body: '{\n  "ticket": {\n    "number": {{ticket.number}},\n    "subject": "{{ticket.subject}}",\n    "status": "{{ticket.status}}"\n  }\n}',
};

function toValues(r: Target): Values {
  return {
    ...EMPTY,
    title: r.title,
    description: r.description,
    enabled: r.enabled,
    url: r.url,
    method: r.method,
    contentType: r.contentType as TargetContentType,
    headers: r.headers,
    auth: { type: r.auth.type, username: r.auth.username ?? '', password: '', token: '' },
    body: r.body,
  };
}

/** The form as the API takes it; a blank password or token keeps the stored one. */
function toBody(v: Values): TargetCreate {
  const a = v.auth;
  const auth =
    a.type === 'basic'
      ? {
          type: 'basic' as const,
          username: a.username.trim(),
          ...(a.password ? { password: a.password } : {}),
        }
      : a.type === 'bearer'
        ? { type: 'bearer' as const, ...(a.token ? { token: a.token } : {}) }
        : { type: 'none' as const };
  return {
    title: v.title.trim(),
    description: (v.description ?? '').trim(),
    enabled: v.enabled,
    url: v.url.trim(),
    method: v.method,
    contentType: v.contentType,
    headers: (v.headers ?? []).map((h) => ({ name: h.name.trim(), value: h.value ?? '' })),
    auth,
    body: v.body ?? '',
  };
}

interface Props {
  open: boolean;
  /** Absent when creating. */
  target?: Target;
  onClose: () => void;
}

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 };

/**
 * 新建 / 编辑外部目标 (manual 5.2.19): URL, method, headers, authentication, body format and a Liquid
 * body with the placeholders beside it; 测试 sends the form as it is, for a sample or a given ticket.
 */
export function TargetFormDrawer({ open, target, onClose }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editor = useRef<TextAreaRef>(null);
  const create = useCreateTarget();
  const update = useUpdateTarget();
  const test = useTestTarget();
  const showError = useApiError();
  const placeholders = usePrintPlaceholders(open);
  const [result, setResult] = useState<TargetTestResult | null>(null);
  const [testTicketId, setTestTicketId] = useState<number | null>(null);
  const authType = Form.useWatch(['auth', 'type'], form);
  const resultRef = useRef<HTMLDivElement>(null);

  // The answer appears below the fold of a long form: bring it into view.
  useEffect(() => {
    if (result) resultRef.current?.scrollIntoView({ block: 'nearest' });
  }, [result]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(target ? toValues(target) : EMPTY);
    setResult(null);
    setTestTicketId(null);
  }, [open, target, form]);

  const items = useMemo(
    () => [
      ...(placeholders.data?.items ?? []),
      ...LEGACY_TARGET_PLACEHOLDERS.map((p) => ({
        value: `{{${p.key}}}`,
        label: p.label,
        group: t('targets.legacyGroup'),
      })),
    ],
    [placeholders.data, t],
  );

  /** Puts the placeholder where the cursor is (or replaces the selection). */
  const insert = (text: string) => {
    const el = editor.current?.resizableTextArea?.textArea;
    const body: string = form.getFieldValue('body') ?? '';
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    form.setFieldValue('body', body.slice(0, start) + text + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const submit = (values: Values) => {
    const body = toBody(values);
    const options = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => {
        showError(e, form);
        scrollToFirstError(form);
      },
    };
    if (target) update.mutate({ id: target.id, body }, options);
    else create.mutate(body, options);
  };

  const runTest = async () => {
    if (!target) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return scrollToFirstError(form);
    const { title: _title, description: _d, enabled: _e, ...rest } = toBody(values);
    setResult(null);
    test.mutate(
      { id: target.id, body: { ...rest, ...(testTicketId ? { ticketId: testTicketId } : {}) } },
      { onSuccess: setResult, onError: (e) => showError(e, form) },
    );
  };

  const secretKept = (has: boolean | undefined) => (target && has ? t('targets.secretKept') : undefined);

  return (
    <FormDrawer
      title={target ? t('targets.edit') : t('targets.create')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={1040}
      fullScreenBelow="lg"
      submitTestId="target-form-submit"
      initialValues={EMPTY}
    >
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item
            name="title"
            label={t('targets.title')}
            extra={t('targets.titleHelp')}
            rules={[{ required: true, whitespace: true, message: t('targets.titleRequired') }, { max: 50 }]}
          >
            <Input maxLength={50} data-testid="target-form-title" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="enabled" label={t('targets.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('targets.description')} rules={[{ max: 500 }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name="method" label={t('targets.method')} style={{ width: 120 }}>
          <Select
            options={TARGET_METHODS.map((m) => ({ value: m, label: m }))}
            data-testid="target-form-method"
          />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('targets.url')}
          extra={t('targets.urlHelp')}
          rules={[{ required: true, whitespace: true, message: t('targets.urlRequired') }, { max: 2000 }]}
          style={{ flex: 1, minWidth: 260 }}
        >
          <Input style={mono} data-testid="target-form-url" />
        </Form.Item>
      </Flex>
      <Form.Item label={t('targets.headers')}>
        <HeadersInput />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name={['auth', 'type']} label={t('targets.auth')} style={{ minWidth: 240 }}>
          <Select
            options={(['none', 'basic', 'bearer'] as const).map((a) => ({
              value: a,
              label: t(`targets.auth.${a}`),
            }))}
            data-testid="target-form-auth"
          />
        </Form.Item>
        {authType === 'basic' && (
          <>
            <Form.Item
              name={['auth', 'username']}
              label={t('targets.username')}
              rules={[{ required: true, whitespace: true, message: t('targets.usernameRequired') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name={['auth', 'password']}
              label={t('targets.password')}
              rules={[
                {
                  required: !(target?.auth.type === 'basic' && target.auth.hasPassword),
                  message: t('targets.secretRequired'),
                },
              ]}
            >
              <Input.Password
                autoComplete="new-password"
                placeholder={secretKept(target?.auth.hasPassword)}
                style={{ minWidth: 220 }}
              />
            </Form.Item>
          </>
        )}
        {authType === 'bearer' && (
          <Form.Item
            name={['auth', 'token']}
            label={t('targets.token')}
            rules={[
              {
                required: !(target?.auth.type === 'bearer' && target.auth.hasToken),
                message: t('targets.secretRequired'),
              },
            ]}
            style={{ flex: 1, minWidth: 240 }}
          >
            <Input.Password autoComplete="new-password" placeholder={secretKept(target?.auth.hasToken)} />
          </Form.Item>
        )}
      </Flex>
      <Form.Item name="contentType" label={t('targets.contentType')} extra={t('targets.contentTypeHelp')}>
        <Select
          options={TARGET_CONTENT_TYPES.map((c) => ({ value: c, label: t(CONTENT_TYPE_LABELS[c]) }))}
          style={{ maxWidth: 320 }}
        />
      </Form.Item>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Form.Item
            name="body"
            label={t('targets.body')}
            extra={t('targets.bodyHelp')}
            rules={[{ max: 20_000 }]}
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea
              ref={editor}
              spellCheck={false}
              autoSize={{ minRows: 10, maxRows: 30 }}
              style={mono}
              data-testid="target-form-body"
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <div style={{ maxHeight: 420, overflow: 'auto' }}>
            <PlaceholderList placeholders={items} loading={placeholders.isLoading} onInsert={insert} />
          </div>
        </Col>
      </Row>
      <Card size="small" title={t('targets.test')} style={{ marginTop: 16 }}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {target ? t('targets.testHelp') : t('targets.testSaveFirst')}
          </Typography.Text>
          <Flex gap={8} wrap>
            <InputNumber
              min={1}
              precision={0}
              value={testTicketId}
              onChange={(v) => setTestTicketId(v)}
              placeholder={t('targets.testTicket')}
              aria-label={t('targets.testTicket')}
              disabled={!target}
              style={{ width: 180 }}
            />
            <Button
              onClick={runTest}
              loading={test.isPending}
              disabled={!target}
              data-testid="target-form-test"
            >
              {t('targets.test')}
            </Button>
          </Flex>
          <div ref={resultRef}>{result && <TestResultPanel result={result} />}</div>
        </Flex>
      </Card>
    </FormDrawer>
  );
}
