import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useServicePackages, useSetServicePackages } from '../hooks/useCustomerSettings';

interface Values {
  names: string[];
}

/** 服务包: the package names companies can have, in order. Companies keep their package when it is removed. */
export function ServicePackagesCard() {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data: packages, isLoading } = useServicePackages();
  const save = useSetServicePackages();
  const showError = useApiError();

  useEffect(() => {
    if (packages) form.setFieldsValue({ names: packages.map((p) => p.name) });
  }, [packages, form]);

  const submit = ({ names }: Values) =>
    save.mutate(
      names.map((n) => n.trim()),
      { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e, form) },
    );

  return (
    <Card title={t('customerSettings.packages')} size="small">
      <Typography.Paragraph type="secondary">{t('customerSettings.packagesHelp')}</Typography.Paragraph>
      {isLoading ? (
        <Skeleton active />
      ) : (
        <Form form={form} onFinish={submit}>
          <Form.List
            name="names"
            rules={[
              {
                validator: async (_, names?: string[]) => {
                  if (!names?.length) throw new Error(t('customerSettings.packagesRequired'));
                },
              },
            ]}
          >
            {(fields, { add, remove, move }, { errors }) => (
              <Flex vertical gap={8} style={{ maxWidth: 480 }}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={4} align="flex-start">
                    <Form.Item
                      name={field.name}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          max: 50,
                          message: t('customerSettings.packageName'),
                        },
                      ]}
                      style={{ flex: 1, marginBottom: 0 }}
                    >
                      <Input data-testid={`package-name-${index}`} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                      aria-label={t('fields.moveUp')}
                    />
                    <Button
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                      aria-label={t('fields.moveDown')}
                    />
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('common.delete')}
                    />
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                <Flex gap={8}>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add('')}
                    data-testid="package-add"
                  >
                    {t('customerSettings.addPackage')}
                  </Button>
                  <Button
                    type="primary"
                    htmlType="submit"
                    loading={save.isPending}
                    data-testid="packages-save"
                  >
                    {t('common.save')}
                  </Button>
                </Flex>
              </Flex>
            )}
          </Form.List>
        </Form>
      )}
    </Card>
  );
}
