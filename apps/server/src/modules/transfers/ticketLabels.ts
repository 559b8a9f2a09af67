import type { TicketPriority, TicketSource, TicketStatus, TicketType } from '@yidan/contracts';

/**
 * The Chinese words for ticket statuses, priorities and types: the first is what an export writes,
 * all of them (and the English value) are what an import reads.
 */
export const STATUS_WORDS: Record<TicketStatus, string[]> = {
  new: ['新建', '新工单', '待受理'],
  open: ['处理中', '受理中', '进行中', '已受理'],
  pending: ['待回应', '等待回应', '挂起', '暂停'],
  solved: ['已解决', '解决'],
  closed: ['已关闭', '关闭'],
};
export const PRIORITY_WORDS: Record<TicketPriority, string[]> = {
  low: ['低'],
  normal: ['一般', '普通', '正常', '中'],
  high: ['高'],
  urgent: ['紧急', '加急'],
};
export const TYPE_WORDS: Record<TicketType, string[]> = {
  question: ['问题', '咨询'],
  incident: ['故障', '事件', '事故'],
  problem: ['疑难', '难题'],
  task: ['任务'],
};
export const SOURCE_WORDS: Record<TicketSource, string> = {
  phone: '电话',
  chat: '在线聊天',
  remote: '远程',
  message: '留言',
  email: '邮件',
  wechat: '微信',
  form: '工单模板发布',
  api: 'API',
  system: '系统创建',
  vendor: '其他服务商',
  agent: '客服创建',
  import: '导入',
};

/** A cell's word (Chinese or the English value, any case) → the value; null when unknown. */
export function parseWord<T extends string>(words: Record<T, string[]>, text: string): T | null {
  const t = text.trim().toLowerCase();
  for (const [value, names] of Object.entries(words) as [T, string[]][]) {
    if (value === t || names.includes(t)) return value;
  }
  return null;
}

export const wordOf = <T extends string>(words: Record<T, string[]>, value: T) => words[value][0] ?? value;
