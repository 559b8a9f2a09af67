import { useCallback, useState } from 'react';
import { useCurrentMe } from '../../auth/hooks/useMe';

function read(key: string): string[] | null {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null');
    return Array.isArray(stored) && stored.every((k) => typeof k === 'string') ? stored : null;
  } catch {
    return null;
  }
}

/**
 * The columns an agent chose for a list, remembered in this browser per vendor and list
 * (`yidan.columns.<vendor>.<list>`). Keys that no longer exist (a deleted field) are ignored by the table.
 */
export function useColumnChoice(list: string, defaults: string[]) {
  const me = useCurrentMe();
  const key = `yidan.columns.${me.vendor.id}.${list}`;
  const [chosen, setChosen] = useState<string[]>(() => read(key) ?? defaults);

  const choose = useCallback(
    (next: string[] | null) => {
      setChosen(next ?? defaults);
      try {
        if (next) localStorage.setItem(key, JSON.stringify(next));
        else localStorage.removeItem(key);
      } catch {
        // Private mode without storage: the choice lasts for this page only.
      }
    },
    [key, defaults],
  );

  return [chosen, choose] as const;
}
