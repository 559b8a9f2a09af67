import { useState } from 'react';

/**
 * React keys for a controlled list whose items have no ids (conditions): kept in step with the
 * list's length, and told about removals so the rows after a removed one keep their identity.
 */
export function useStableKeys(length: number) {
  const [state, setState] = useState(() => ({ keys: Array.from({ length }, (_, i) => i), next: length }));
  let { keys, next } = state;
  if (keys.length !== length) {
    // The list changed from outside (append, reset): adjust during render, as React allows for derived state.
    keys = keys.slice(0, length);
    while (keys.length < length) keys.push(next++);
    setState({ keys, next });
  }
  return {
    keys,
    removeAt: (index: number) => setState((s) => ({ ...s, keys: s.keys.filter((_, i) => i !== index) })),
  };
}
