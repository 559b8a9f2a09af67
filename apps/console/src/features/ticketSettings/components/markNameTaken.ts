import type { FormInstance } from 'antd';
import { ApiError } from '../../../api/ApiError';

/** `name_taken` comes without a field path (名称不能重复); it belongs on the form's `name`. */
export function markNameTaken(form: FormInstance, error: unknown): void {
  if (!(error instanceof ApiError) || error.code !== 'name_taken' || error.problem?.errors?.length) return;
  form.setFields([{ name: 'name', errors: [error.message] }]);
}
