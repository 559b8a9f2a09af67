import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import type { Translate } from '../i18n/context';
import { useT } from '../i18n/useT';
import { ApiError } from './ApiError';
import { applyFieldErrors } from './fieldErrors';

/** The text to show for a failed call: the server's localized detail, else a generic line. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    return error.problem?.detail ?? error.problem?.title ?? t('error.http', { status: error.status });
  }
  if (error instanceof TypeError) return t('error.network');
  return t('error.unknown');
}

/**
 * Returns `showError(error, form?)`: a message with the server's detail, plus field errors on the
 * form when the problem carries `errors[].path`.
 */
export function useApiError() {
  const { message } = App.useApp();
  const { t } = useT();
  return useCallback(
    (error: unknown, form?: FormInstance, aliases?: Record<string, string>) => {
      if (form && error instanceof ApiError && error.problem?.errors?.length) {
        applyFieldErrors(form, error.problem.errors, aliases);
      }
      message.error(describeError(error, t));
    },
    [message, t],
  );
}
