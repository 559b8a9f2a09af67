import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError } from './errors.js';
import { ERRORS, type ErrorCode, FIELD_MESSAGES, formatMessage, type Lang, pickLang } from './messages.js';

const zodLocales = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };
const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  string: { zh: '文本', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '布尔值', en: 'a boolean' },
  array: { zh: '数组', en: 'an array' },
  object: { zh: '对象', en: 'an object' },
};

/** Readable length/size messages ("不能为空", "至少 8 个字符") instead of Zod's generic ones. */
function sizeMessage(issue: Issue, lang: Lang): string | null {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return null;
  const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const small = issue.code === 'too_small';
  switch (issue.origin) {
    case 'string':
      if (small && n <= 1) return lang === 'en' ? 'Must not be empty' : '不能为空';
      if (small) return lang === 'en' ? `At least ${n} characters` : `至少 ${n} 个字符`;
      return lang === 'en' ? `At most ${n} characters` : `最多 ${n} 个字符`;
    case 'array':
    case 'set':
      if (small) return lang === 'en' ? `At least ${n} item(s)` : `至少 ${n} 项`;
      return lang === 'en' ? `At most ${n} items` : `最多 ${n} 项`;
    case 'number':
    case 'int':
    case 'bigint':
      if (small) return lang === 'en' ? `Must be at least ${n}` : `不能小于 ${n}`;
      return lang === 'en' ? `Must be at most ${n}` : `不能大于 ${n}`;
    default:
      return null;
  }
}

/** A service's field message: one of our keys, localized, or plain text as given. */
function fieldMessage(message: string, lang: Lang): string {
  const own = FIELD_MESSAGES[message];
  return own ? (lang === 'en' ? own.en : own.zh) : message;
}

type Issue = { code: string; path: (string | number)[]; message: string } & Record<string, unknown>;

/** One field message in the user's language, from our own keys or Zod's locale tables. */
export function localizeIssue(issue: Issue, lang: Lang): string {
  const own = FIELD_MESSAGES[issue.message];
  if (own) return lang === 'en' ? own.en : own.zh;
  if (issue.code === 'invalid_type') {
    const t = TYPE_NAMES[String(issue.expected)];
    if (issue.message.includes('received undefined') || issue.message === 'Required') {
      return lang === 'en' ? 'Required' : '必填';
    }
    return lang === 'en' ? `Expected ${t?.en ?? issue.expected}` : `类型错误：应为${t?.zh ?? issue.expected}`;
  }
  const sized = sizeMessage(issue, lang);
  if (sized) return sized;
  if (issue.code === 'invalid_value' && Array.isArray(issue.values)) {
    const list = issue.values.map(String);
    return lang === 'en' ? `Must be one of: ${list.join(', ')}` : `应为以下之一：${list.join('、')}`;
  }
  const localized = zodLocales[lang](issue as never);
  if (typeof localized === 'string') return localized;
  return localized?.message ?? issue.message;
}

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  code: ErrorCode,
  status: number,
  lang: Lang,
  params: Record<string, string | number> = {},
  errors: FieldError[] = [],
  extensions: Record<string, unknown> = {},
) {
  const title = formatMessage(code, lang, params);
  const sep = lang === 'en' ? [': ', '; '] : ['：', '；'];
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `https://yidan.dev/problems/${code}`,
      title,
      status,
      code,
      // For people: the messages without request paths (the exact paths are in `errors`).
      detail: errors.length > 0 ? `${title}${sep[0]}${errors.map((e) => e.message).join(sep[1])}` : title,
      instance: req.url.split('?')[0],
      requestId: String(req.id),
      ...(errors.length > 0 ? { errors } : {}),
      ...extensions,
    });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
};

/** Maps every error to RFC 9457 problem+json in the user's language; never leaks a stack. */
export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
      const fields = err.fieldErrors.map((f) => ({
        path: f.path,
        message: fieldMessage(f.message, lang),
      }));
      return send(reply, req, err.code, err.status, lang, err.params, fields, err.extensions);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const errors = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const issue = {
          ...(v.params as Record<string, unknown>),
          code: v.keyword,
          path: [],
          message: v.message,
        };
        return { path: path ? `${where}.${path}` : where, message: localizeIssue(issue as Issue, lang) };
      });
      return send(reply, req, 'validation_failed', 400, lang, {}, errors);
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return send(reply, req, mapped, err.statusCode ?? 400, lang);
    if (err instanceof SyntaxError || err.statusCode === 400)
      return send(reply, req, 'malformed_json', 400, lang);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code: ErrorCode =
        err.statusCode === 404
          ? 'not_found'
          : err.statusCode === 413
            ? 'payload_too_large'
            : 'validation_failed';
      return send(reply, req, code, err.statusCode, lang);
    }
    req.log.error({ err, reqId: req.id }, 'request failed');
    return send(reply, req, 'internal', 500, lang);
  });

  app.setNotFoundHandler((req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    return send(reply, req, 'route_not_found', 404, lang, {
      route: `${req.method} ${req.url.split('?')[0]}`,
    });
  });
}

/** Per-record results of a batch, with codes and field messages in the caller's language. */
export function localizeResults<T extends { error?: { code: string; errors?: FieldError[] } }>(
  items: T[],
  acceptLanguage: string | undefined,
): T[] {
  const lang = pickLang(acceptLanguage);
  return items.map((item) => {
    if (!item.error) return item;
    const code = item.error.code as ErrorCode;
    return {
      ...item,
      error: {
        ...item.error,
        message:
          code in ERRORS
            ? formatMessage(code, lang, { what: '', entity: '', name: '', account: '' })
            : item.error.code,
        ...(item.error.errors
          ? {
              errors: item.error.errors.map((e) => ({
                path: e.path,
                message: fieldMessage(e.message, lang),
              })),
            }
          : {}),
      },
    };
  });
}
