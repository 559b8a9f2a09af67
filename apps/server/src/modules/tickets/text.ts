import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { type SQL, sql } from 'drizzle-orm';
import sanitizeHtml from 'sanitize-html';

/** Rich text agents and customers write: formatting, links and inline images; no scripts, styles or handlers. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'span', 'del', 's', 'u'],
    allowedAttributes: {
      a: ['href', 'title', 'target', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      '*': [],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
  }).trim();
}

/** The text of rich text (for search, previews and print). */
export function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}

let jieba: Jieba | null = null;
/** Chinese word segmentation (jieba, search mode) so "登录失败" finds "无法登录，提示失败". */
export function segment(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  const words = jieba.cutForSearch(text.toLowerCase(), true);
  return [...new Set(words.map((w) => w.trim()).filter((w) => w && !/^[\p{P}\p{S}\s]+$/u.test(w)))];
}

const MAX_INDEXED_CHARS = 20_000;

/** The tsvector of a ticket's searchable text: jieba tokens under the `simple` config. */
export function searchVector(...parts: string[]): SQL {
  const text = parts.join(' ').slice(0, MAX_INDEXED_CHARS);
  return sql`to_tsvector('simple', ${segment(text).join(' ')})`;
}

/** A search box's text as a tsquery: every jieba token must match (prefix match for the last). */
export function searchQuery(q: string): SQL | null {
  const tokens = segment(q)
    .map((t) => t.replace(/[':&|!()<>\\*]/g, ''))
    .filter(Boolean);
  if (tokens.length === 0) return null;
  const expr = tokens.map((t, i) => `'${t}'${i === tokens.length - 1 ? ':*' : ''}`).join(' & ');
  return sql`to_tsquery('simple', ${expr})`;
}
