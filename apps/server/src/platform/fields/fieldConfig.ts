import {
  type FieldDefinition,
  type FieldEntity,
  type FieldType,
  isTicketOnlyFieldType,
  NUMERIC_FIELD_TYPES,
} from '@yidan/contracts';
import type { FieldError } from '../http/errors.js';
import { expressionRefs, parseExpression } from './expression.js';

export const DEFAULT_RATING_MAX = 5;
export const DEFAULT_PRECISION = 2;

const isNumericType = (t: FieldType) => (NUMERIC_FIELD_TYPES as readonly FieldType[]).includes(t);

/**
 * Checks a field's type and type-specific settings when it is created or changed: ticket-only
 * types are refused for companies and contacts; a rating scale is 3–10 stars; a calculated field's
 * expression must parse and read only enabled numeric custom fields of the same entity (not
 * itself, not other calculated fields). Returns the config to store.
 */
export function validateFieldConfig(
  field: { entity: FieldEntity; type: FieldType; key: string | null },
  config: Record<string, unknown> | undefined,
  siblings: FieldDefinition[],
): { config: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const given = config ?? {};
  if (field.entity !== 'ticket' && isTicketOnlyFieldType(field.type)) {
    return { config: {}, errors: [{ path: 'body.type', message: 'ticket_only_type' }] };
  }
  const allowed: Record<string, string[]> = { rating: ['max'], calculated: ['expression', 'precision'] };
  for (const k of Object.keys(given)) {
    if (!(allowed[field.type] ?? []).includes(k))
      errors.push({ path: `body.config.${k}`, message: 'unknown_config' });
  }
  const out: Record<string, unknown> = {};
  if (field.type === 'rating') {
    const max = given.max ?? DEFAULT_RATING_MAX;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 3 || max > 10)
      errors.push({ path: 'body.config.max', message: 'invalid_rating_max' });
    else out.max = max;
  }
  if (field.type === 'calculated') {
    const precision = given.precision ?? DEFAULT_PRECISION;
    if (typeof precision !== 'number' || !Number.isInteger(precision) || precision < 0 || precision > 6)
      errors.push({ path: 'body.config.precision', message: 'invalid_precision' });
    else out.precision = precision;
    const text = typeof given.expression === 'string' ? given.expression.trim() : '';
    const tree = text ? parseExpression(text) : null;
    if (!tree) errors.push({ path: 'body.config.expression', message: 'invalid_expression' });
    else {
      const byKey = new Map(siblings.filter((s) => !s.system).map((s) => [s.key, s]));
      for (const ref of expressionRefs(tree)) {
        const def = byKey.get(ref);
        if (ref === field.key || !def || !def.enabled || !isNumericType(def.type))
          errors.push({ path: 'body.config.expression', message: 'expression_unknown_field' });
      }
      out.expression = text;
    }
  }
  return { config: out, errors: dedupe(errors) };
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
