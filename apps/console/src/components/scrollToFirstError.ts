import type { FormInstance } from 'antd';

/** After the server's field errors are placed on a long form, bring the first one into view. */
export function scrollToFirstError(form: FormInstance): void {
  const first = form.getFieldsError().find((field) => field.errors.length > 0);
  if (first) form.scrollToField(first.name, { block: 'center' });
}
