import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Row, Tag, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../i18n/useT';
import { clockToDayjs } from './clockTime';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MAX_RANGES = 6;

/** One weekday's row: its time ranges with add/remove; no range means closed all day. */
export function WeekdayRanges({ index, weekday }: { index: number; weekday: Weekday }) {
  const { t } = useT();

  return (
    <Row
      gutter={8}
      style={{ borderBottom: '1px solid #f0f0f0', paddingBlock: 8 }}
      data-testid={`hours-day-${weekday}`}
    >
      <Col flex="64px">
        <Typography.Text strong style={{ lineHeight: '32px' }}>
          {t(`weekday.${weekday}`)}
        </Typography.Text>
      </Col>
      <Col flex="auto">
        <Form.List name={['weekly', index, 'ranges']}>
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.length === 0 && (
                <div style={{ lineHeight: '32px' }}>
                  <Tag>{t('hours.dayOff')}</Tag>
                </div>
              )}
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item
                    name={field.name}
                    style={{ marginBottom: 0, flex: 1, maxWidth: 260 }}
                    rules={[
                      { required: true, message: t('hours.rangeRequired') },
                      {
                        validator: (_, value: [Dayjs, Dayjs] | null) =>
                          !value || value[0].isBefore(value[1])
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('hours.endBeforeStart'))),
                      },
                    ]}
                  >
                    <TimePicker.RangePicker format="HH:mm" style={{ width: '100%' }} order={false} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                  />
                </Flex>
              ))}
              {fields.length < MAX_RANGES && (
                <div>
                  <Button
                    type="dashed"
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => add([clockToDayjs('09:00'), clockToDayjs('18:00')])}
                    data-testid={`hours-add-${weekday}`}
                  >
                    {t('hours.addRange')}
                  </Button>
                </div>
              )}
            </Flex>
          )}
        </Form.List>
      </Col>
    </Row>
  );
}
