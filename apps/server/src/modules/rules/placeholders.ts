import { type Context, Liquid, type Template } from 'liquidjs';
import type { Db } from '../../platform/db/client.js';
import { getCustomerSettings } from '../customers/settings.js';
import type { TicketContext } from '../tickets/context.js';
import { printContext, SafeHtml } from '../tickets/printData.js';
import type { TicketRow } from '../tickets/schema.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
const asText = (value: unknown) =>
  value === null || value === undefined ? '' : Array.isArray(value) ? value.join('') : String(value);

/**
 * How a rendered value is written into the text: `html` escaped for an internal note (rich text kept),
 * `text` as is (notifications, SMS), `json` as the inside of a JSON string (webhook bodies written
 * as `"subject": "{{ticket.subject}}"`), `url` percent-encoded (target URLs, form bodies), `xml`
 * escaped. Rich text is kept as HTML only in `html`, and stripped to its text elsewhere.
 */
export type PlaceholderMode = 'html' | 'text' | 'json' | 'url' | 'xml';
const ESCAPES: Record<PlaceholderMode, (s: string) => string> = {
  html: escapeHtml,
  text: (s) => s,
  json: (s) => JSON.stringify(s).slice(1, -1),
  url: encodeURIComponent,
  xml: escapeHtml,
};

/**
 * Engines for the texts rules write (internal notes, notifications, webhook bodies): written by
 * vendor admins and run inside a ticket's transaction, so no file system, no include/render/layout,
 * unknown filters refused when saved, and small time and memory limits so a runaway loop ends quickly.
 */
function makeEngine(mode: PlaceholderMode) {
  const escapeValue = ESCAPES[mode];
  const liquid = new Liquid({
    templates: {},
    strictVariables: false,
    strictFilters: true,
    ownPropertyOnly: true,
    parseLimit: 100_000,
    renderLimit: 200,
    memoryLimit: 2_000_000,
    outputEscape(this: { context: Context }, value: unknown) {
      // Rich text was sanitised when written; a note may carry it, a plain-text notification not.
      if (value instanceof SafeHtml)
        return mode === 'html' ? value.html : escapeValue(value.html.replace(/<[^>]*>/g, ''));
      const text = asText(value);
      this.context.memoryLimit.use(text.length);
      return escapeValue(text);
    },
  });
  for (const tag of ['include', 'render', 'layout']) delete (liquid.tags as Record<string, unknown>)[tag];
  return liquid;
}
const engines = Object.fromEntries(
  (Object.keys(ESCAPES) as PlaceholderMode[]).map((m) => [m, makeEngine(m)]),
) as Record<PlaceholderMode, Liquid>;
const htmlEngine = engines.html;

/** Liquid's own message when a text does not parse, else null. */
export function placeholderSyntaxError(text: string): string | null {
  try {
    htmlEngine.parse(text);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * The data placeholders read — the print templates' ({{ticket.number}}, {{ticket.subject}},
 * {{company.name}}, {{contact.name}}, {{ticket.custom.<key>}} …) — loaded once per trigger cycle.
 * Phones are masked when the vendor has privacy mode on, whoever made the change.
 */
export async function placeholderData(db: Db, ctx: TicketContext, ticket: TicketRow) {
  const settings = await getCustomerSettings(db, ctx.actor.vendorId);
  return printContext(db, { ...ctx, masked: settings.privacyMode }, ticket);
}
export type PlaceholderData = Awaited<ReturnType<typeof placeholderData>>;

// Parsed per mode: the escaping is attached to each output when Liquid parses the text.
const parsed = new Map<string, Partial<Record<PlaceholderMode, Template[]>>>();
function templatesOf(text: string, mode: PlaceholderMode): Template[] {
  let byMode = parsed.get(text);
  if (!byMode) {
    if (parsed.size > 500) parsed.clear();
    byMode = {};
    parsed.set(text, byMode);
  }
  byMode[mode] ??= engines[mode].parse(text);
  return byMode[mode];
}

/**
 * Renders a rule's text with values escaped for `mode` (see PlaceholderMode; `html` output is an
 * internal note's HTML, sanitised again by the ticket service). A text that fails to parse or
 * render (it was validated when saved, so only limits can fail it) is returned as written.
 */
export async function renderPlaceholders(
  text: string,
  data: PlaceholderData,
  mode: PlaceholderMode,
): Promise<string> {
  try {
    return await engines[mode].render(templatesOf(text, mode), data);
  } catch {
    return mode === 'html' ? escapeHtml(text) : text;
  }
}

/** A note's text as HTML: kept as is when it is markup, else paragraphs per line. */
export function noteHtml(rendered: string): string {
  const s = rendered.trim();
  if (s.startsWith('<')) return s;
  return s
    .split(/\r?\n/)
    .map((line) => `<p>${line}</p>`)
    .join('');
}
