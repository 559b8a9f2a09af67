import type { zhApiTokens } from '../zh-CN/apiTokens';

export const enApiTokens: Record<keyof typeof zhApiTokens, string> = {
  'apiTokens.hint':
    "Access Yidan through the API (Authorization: Bearer token). A token has its creator's permissions.",
  'apiTokens.create': 'Create token',
  'apiTokens.name': 'Name',
  'apiTokens.nameHelp': 'What the token is for, e.g. "ERP sync"',
  'apiTokens.prefix': 'Prefix',
  'apiTokens.createdAt': 'Created',
  'apiTokens.lastUsedAt': 'Last used',
  'apiTokens.deleteConfirm': 'Delete token "{name}"?',
  'apiTokens.deleteHelp': 'Programs using this token lose access at once',
  'apiTokens.createdTitle': 'Token "{name}" created',
  'apiTokens.onceWarning': 'Copy it now and keep it safe: it will not be shown again',
  'apiTokens.savedIt': 'I have saved it',
  'apiTokens.usage': 'Send it as the header Authorization: Bearer <token>',
};
