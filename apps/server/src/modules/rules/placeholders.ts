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
 * Engines for the texts rules write (internal notes, notifications): written by vendor admins and
 * run inside a ticket's transaction, so no file system, no include/render/layout, unknown filters
 * refused when saved, and small time and memory limits so a runaway loop ends quickly.
 */
function makeEngine(escapeHtmlOutput: boolean) {
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
        return escapeHtmlOutput ? value.html : value.html.replace(/<[^>]*>/g, '');
      const text = asText(value);
      this.context.memoryLimit.use(text.length);
      return escapeHtmlOutput ? escapeHtml(text) : text;
    },
  });
  for (const tag of ['include', 'render', 'layout']) delete (liquid.tags as Record<string, unknown>)[tag];
  return liquid;
}
const htmlEngine = makeEngine(true);
const textEngine = makeEngine(false);

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

const parsed = new Map<string, { html: Template[]; text: Template[] }>();
function templatesOf(text: string) {
  let t = parsed.get(text);
  if (!t) {
    t = { html: htmlEngine.parse(text), text: textEngine.parse(text) };
    if (parsed.size > 500) parsed.clear();
    parsed.set(text, t);
  }
  return t;
}

/**
 * Renders a rule's text. `html`: values escaped (the result is an internal note's HTML, sanitised
 * again by the ticket service); `text`: plain text for notifications. A text that fails to parse or
 * render (it was validated when saved, so only limits can fail it) is returned as written.
 */
export async function renderPlaceholders(
  text: string,
  data: PlaceholderData,
  mode: 'html' | 'text',
): Promise<string> {
  try {
    const t = templatesOf(text);
    return mode === 'html' ? await htmlEngine.render(t.html, data) : await textEngine.render(t.text, data);
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
