import { describe, expect, it } from 'vitest';
import { evaluate } from '../../platform/rules/evaluate.js';
import { SafeHtml } from '../tickets/printData.js';
import {
  noteHtml,
  type PlaceholderData,
  placeholderSyntaxError,
  renderPlaceholders,
} from './placeholders.js';
import { triggerEvaluationCatalogue } from './triggerCatalogue.js';

const data = {
  ticket: { number: 12, subject: '凭证<打印>', description: new SafeHtml('<p>描述</p>') },
  contact: { name: '王会计' },
} as unknown as PlaceholderData;

describe('rule placeholders', () => {
  it('escapes values in notes and leaves them plain in notifications', async () => {
    expect(await renderPlaceholders('#{{ticket.number}} {{ticket.subject}}', data, 'html')).toBe(
      '#12 凭证&lt;打印&gt;',
    );
    expect(await renderPlaceholders('#{{ticket.number}} {{ticket.subject}}', data, 'text')).toBe(
      '#12 凭证<打印>',
    );
    expect(await renderPlaceholders('{{ticket.description}}', data, 'html')).toBe('<p>描述</p>');
    expect(await renderPlaceholders('{{ticket.description}}', data, 'text')).toBe('描述');
  });

  it('refuses bad syntax, unknown filters and file tags when saved', () => {
    expect(placeholderSyntaxError('{{ticket.subject}}')).toBeNull();
    expect(placeholderSyntaxError('{{ ticket.subject ')).not.toBeNull();
    expect(placeholderSyntaxError('{{ ticket.subject | nope }}')).not.toBeNull();
    expect(placeholderSyntaxError("{% include 'x' %}")).not.toBeNull();
  });

  it('ends a runaway template instead of hanging, with the text as written', async () => {
    const runaway = '{% for i in (1..100000000) %}{{ i }}{% endfor %}';
    expect(await renderPlaceholders(runaway, data, 'text')).toBe(runaway);
  });

  it('turns plain note lines into paragraphs', () => {
    expect(noteHtml('第一行\n第二行')).toBe('<p>第一行</p><p>第二行</p>');
    expect(noteHtml('<p>已是 HTML</p>')).toBe('<p>已是 HTML</p>');
  });
});

describe('trigger conditions over a change', () => {
  const catalogue = triggerEvaluationCatalogue([]);
  const ctx = (changes: Record<string, { from: unknown; to: unknown }>) => ({
    now: new Date(),
    timeZone: 'Asia/Shanghai',
    changes,
  });
  const record = { 'ticket.status': 'solved', 'event.type': 'updated', 'event.actorType': 'agent' };

  it('reads the event fields and the accumulated change set', () => {
    const solved = { all: [{ field: 'ticket.status', op: 'changed_to' as const, value: 'solved' }], any: [] };
    expect(
      evaluate(solved, catalogue, record, ctx({ 'ticket.status': { from: 'open', to: 'solved' } })),
    ).toBe(true);
    // Changed and changed back within one cycle is no change.
    expect(
      evaluate(solved, catalogue, record, ctx({ 'ticket.status': { from: 'solved', to: 'solved' } })),
    ).toBe(false);
    const byAgent = {
      all: [
        { field: 'event.type', op: 'in' as const, value: ['updated', 'comment'] },
        { field: 'event.actorType', op: 'is' as const, value: 'agent' },
      ],
      any: [],
    };
    expect(evaluate(byAgent, catalogue, record, ctx({}))).toBe(true);
    expect(evaluate(byAgent, catalogue, { ...record, 'event.actorType': 'system' }, ctx({}))).toBe(false);
  });
});
