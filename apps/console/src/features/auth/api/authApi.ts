import type { Me } from '@yidan/contracts';
import { isApiError } from '../../../api/ApiError';
import { api, mayHaveSession, setCsrfToken } from '../../../api/client';

export interface LoginInput {
  account: string;
  password: string;
  vendor?: string;
}

/** The signed-in agent, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  if (!mayHaveSession()) return null;
  try {
    const me = await api.get<Me>('/me', undefined, { allowUnauthorized: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function login(input: LoginInput): Promise<Me> {
  const me = await api.post<Me>('/auth/login', input, { allowUnauthorized: true });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/auth/logout', undefined, { allowUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  return api.post<void>('/auth/password', input);
}
