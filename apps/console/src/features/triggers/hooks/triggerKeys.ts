import type { RuleKind } from '../ruleKinds';

/** Everything of a rule kind lives under ['triggers', …] or ['automations', …]. */
export const ruleKeys = (kind: RuleKind) => ({
  list: [kind, 'list'] as const,
  catalogue: [kind, 'catalogue'] as const,
});
