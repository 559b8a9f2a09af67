/** API 令牌. */
export const zhApiTokens = {
  'apiTokens.hint': '用于通过 API 访问一单（Authorization: Bearer 令牌）。令牌拥有创建者的权限。',
  'apiTokens.create': '创建令牌',
  'apiTokens.name': '名称',
  'apiTokens.nameHelp': '说明令牌的用途，如“ERP 同步”',
  'apiTokens.prefix': '前缀',
  'apiTokens.createdAt': '创建时间',
  'apiTokens.lastUsedAt': '最近使用',
  'apiTokens.deleteConfirm': '删除令牌“{name}”？',
  'apiTokens.deleteHelp': '使用此令牌的程序将立即无法访问',
  'apiTokens.createdTitle': '令牌“{name}”已创建',
  'apiTokens.onceWarning': '请立即复制并妥善保存，关闭后将无法再次查看',
  'apiTokens.savedIt': '我已保存',
  'apiTokens.usage': '请求时添加请求头 Authorization: Bearer <令牌>',
};
