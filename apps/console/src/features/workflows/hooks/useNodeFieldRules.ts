import type { TicketWorkflow } from '@yidan/contracts';
import { useMemo } from 'react';

type Rules = NonNullable<TicketWorkflow['node']>['fields'];

/**
 * The ticket form under the current node's field rules (manual 5.1.3): of the template's fields
 * (`governed`), those not visible are left out and those not editable are locked. No node: as is.
 */
export function useNodeFieldRules<D extends { key: string }>(defs: D[], rules: Rules | undefined) {
  return useMemo(() => {
    if (!rules) return { defs, locked: new Set<string>() };
    const governed = new Set(rules.governed);
    const visible = new Set(rules.visible);
    const editable = new Set(rules.editable);
    return {
      defs: defs.filter((d) => !governed.has(d.key) || visible.has(d.key)),
      locked: new Set(rules.governed.filter((k) => !editable.has(k))),
    };
  }, [defs, rules]);
}
