import { Button, Drawer, Flex, Form, type FormInstance, type FormProps, Grid } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { scrollToFirstError } from './scrollToFirstError';

interface Props<Values> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  form: FormInstance<Values>;
  onFinish: (values: Values) => void;
  /** The save call is running: the primary button shows it. */
  saving: boolean;
  width: number;
  /** Below this breakpoint the drawer takes the whole screen. */
  fullScreenBelow?: 'sm' | 'md' | 'lg';
  submitTestId: string;
  /** The primary button's text; 保存 unless given. */
  submitText?: ReactNode;
  /** More footer buttons, placed between 取消 and the primary button. */
  extraActions?: ReactNode;
  initialValues?: FormProps<Values>['initialValues'];
  /** A field changed by the user (antd's changed values), e.g. for 字段值改变 macros. */
  onValuesChange?: FormProps<Values>['onValuesChange'];
  formTestId?: string;
  children: ReactNode;
}

/**
 * The create / edit drawer: a vertical form, 取消 and a primary button in the footer that submits it,
 * and a failed check scrolls to the first field in error.
 */
export function FormDrawer<Values>({
  title,
  open,
  onClose,
  form,
  onFinish,
  saving,
  width,
  fullScreenBelow = 'sm',
  submitTestId,
  submitText,
  extraActions,
  initialValues,
  onValuesChange,
  formTestId,
  children,
}: Props<Values>) {
  const { t } = useT();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={screens[fullScreenBelow] === false ? '100%' : width}
      // Kept mounted so the form instance exists when the drawer opens and fills it.
      forceRender
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {extraActions}
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid={submitTestId}>
            {submitText ?? t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onFinishFailed={() => scrollToFirstError(form)}
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        data-testid={formTestId}
      >
        {children}
      </Form>
    </Drawer>
  );
}
