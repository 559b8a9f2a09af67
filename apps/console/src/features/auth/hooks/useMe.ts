import { useQuery } from '@tanstack/react-query';
import type { Me } from '@yidan/contracts';
import { useContext } from 'react';
import { MeContext } from './meContext';
import { meQuery } from './meQuery';

/** The session's agent; `me` is null when signed out and undefined while loading. */
export function useMe() {
  return useQuery(meQuery);
}

/** For components rendered inside the signed-in layout, where me is always present. */
export function useCurrentMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentMe() used outside the signed-in layout');
  return me;
}
