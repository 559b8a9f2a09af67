import { TIME_ZONES } from '@yidan/contracts';
import { App, Button, Card, Divider, Form, Input, Radio, Select } from 'antd';
import { useEffect } from 'react';
import type { VendorProfile, VendorProfileUpdate } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useUpdateVendor } from '../hooks/useVendor';

type Values = Required<{
  [K in keyof VendorProfileUpdate]: Exclude<VendorProfileUpdate[K], null> | undefined;
}>;

const nullIfBlank = (value?: string) => value?.trim() || null;

export function VendorProfileForm({ vendor }: { vendor: VendorProfile }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateVendor();
  const showError = useApiError();

  // Only a change of the edited fields refills the form (a new logo must not wipe unsaved edits).
  const profileKey = JSON.stringify([
    vendor.name,
    vendor.displayName,
    vendor.customerMode,
    vendor.timeZone,
    vendor.contactName,
    vendor.contactPhone,
    vendor.contactEmail,
  ]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: profileKey stands for the fields read below.
  useEffect(() => {
    form.setFieldsValue({
      name: vendor.name,
      displayName: vendor.displayName ?? undefined,
      customerMode: vendor.customerMode,
      timeZone: vendor.timeZone as Values['timeZone'],
      contactName: vendor.contactName ?? undefined,
      contactPhone: vendor.contactPhone ?? undefined,
      contactEmail: vendor.contactEmail ?? undefined,
    });
  }, [profileKey, form]);

  const submit = (v: Values) =>
    update.mutate(
      {
        name: v.name?.trim(),
        displayName: nullIfBlank(v.displayName),
        customerMode: v.customerMode,
        timeZone: v.timeZone,
        contactName: nullIfBlank(v.contactName),
        contactPhone: nullIfBlank(v.contactPhone),
        contactEmail: nullIfBlank(v.contactEmail),
      },
      { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e, form) },
    );

  return (
    <Card title={t('vendor.basic')}>
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
        <Form.Item
          name="name"
          label={t('vendor.name')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input data-testid="vendor-name" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('vendor.displayName')}
          extra={t('vendor.displayNameHelp')}
          rules={[{ max: 100 }]}
        >
          <Input data-testid="vendor-display-name" />
        </Form.Item>
        <Form.Item name="customerMode" label={t('vendor.customerMode')} extra={t('vendor.customerModeHelp')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: '2b', label: t('vendor.mode2b') },
              { value: '2c', label: t('vendor.mode2c') },
            ]}
            data-testid="vendor-customer-mode"
          />
        </Form.Item>
        <Form.Item name="timeZone" label={t('vendor.timeZone')}>
          <Select
            options={TIME_ZONES.map((tz) => ({ value: tz, label: `${t(`tz.${tz}`)} (${tz})` }))}
            data-testid="vendor-time-zone"
          />
        </Form.Item>
        <Divider titlePlacement="start">{t('vendor.contact')}</Divider>
        <Form.Item name="contactName" label={t('vendor.contactName')} rules={[{ max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('vendor.contactPhone')}
          extra={t('vendor.contactPhoneHelp')}
          rules={[{ max: 32 }]}
        >
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="contactEmail"
          label={t('vendor.contactEmail')}
          extra={t('vendor.contactEmailHelp')}
          rules={[{ type: 'email' }]}
        >
          <Input inputMode="email" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="vendor-submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
