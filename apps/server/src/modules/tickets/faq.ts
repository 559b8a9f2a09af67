import { and, desc, eq } from 'drizzle-orm';
import sanitizeHtml from 'sanitize-html';
import type { Db } from '../../platform/db/client.js';
import type { TicketContext } from './context.js';
import { ticketEvents } from './schema.js';
import { getTicketRow } from './service.js';

/**
 * 工单生成 FAQ (manual 5.2.11), first half: the question is the ticket's subject, the answer the
 * text of its last public reply (else its description). The knowledge base issue turns the draft
 * into an FAQ (FAQ permission, one FAQ per ticket, agent edits before saving).
 */
export async function faqDraft(db: Db, ctx: TicketContext, id: number) {
  const ticket = await getTicketRow(db, ctx, id);
  const [reply] = await db
    .select({ body: ticketEvents.body })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.vendorId, ctx.actor.vendorId),
        eq(ticketEvents.ticketId, id),
        eq(ticketEvents.kind, 'comment'),
        eq(ticketEvents.public, true),
      ),
    )
    .orderBy(desc(ticketEvents.id))
    .limit(1);
  return {
    ticketId: ticket.id,
    question: ticket.subject,
    answer: textOf(reply?.body ?? ticket.description),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Rich text as plain text with its paragraphs and line breaks kept (an FAQ answer is edited as text). */
function textOf(html: string): string {
  const broken = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote|pre)>/gi, '\n');
  return sanitizeHtml(broken, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
