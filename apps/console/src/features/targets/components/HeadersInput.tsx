import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useT } from '../../../i18n/useT';

/** 自定义请求头: name/value rows inside the target form (Form.List over `headers`). */
export function HeadersInput() {
  const { t } = useT();
  return (
    <Form.List name="headers">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((f) => (
            <Flex key={f.key} gap={8} align="start">
              <Form.Item
                name={[f.name, 'name']}
                rules={[{ required: true, message: t('targets.headerName') }]}
                style={{ flex: '0 0 38%', marginBottom: 0 }}
              >
                <Input placeholder={t('targets.headerName')} aria-label={t('targets.headerName')} />
              </Form.Item>
              <Form.Item name={[f.name, 'value']} style={{ flex: 1, marginBottom: 0 }}>
                <Input placeholder={t('targets.headerValue')} aria-label={t('targets.headerValue')} />
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                onClick={() => remove(f.name)}
                aria-label={t('targets.removeHeader')}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', value: '' })}
            style={{ alignSelf: 'flex-start' }}
            data-testid="target-form-add-header"
          >
            {t('targets.addHeader')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
