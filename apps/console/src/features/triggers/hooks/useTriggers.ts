import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createRule,
  deleteRule,
  getRuleCatalogue,
  listRules,
  orderRules,
  updateRule,
} from '../api/triggersApi';
import type { RuleKind } from '../ruleKinds';
import type { Rule, RuleCreate, RuleUpdate } from '../types/triggerTypes';
import { ruleKeys } from './triggerKeys';

export function useRules(kind: RuleKind) {
  return useQuery({ queryKey: ruleKeys(kind).list, queryFn: () => listRules(kind) });
}

/** Field lists change rarely (custom fields, agents, groups); a minute of staleness is fine. */
export function useRuleCatalogue(kind: RuleKind, enabled = true) {
  return useQuery({
    queryKey: ruleKeys(kind).catalogue,
    queryFn: () => getRuleCatalogue(kind),
    staleTime: 60_000,
    enabled,
  });
}

function useInvalidateRules(kind: RuleKind) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ruleKeys(kind).list });
}

export function useCreateRule(kind: RuleKind) {
  const invalidate = useInvalidateRules(kind);
  return useMutation({ mutationFn: (body: RuleCreate) => createRule(kind, body), onSuccess: invalidate });
}

export function useUpdateRule(kind: RuleKind) {
  const invalidate = useInvalidateRules(kind);
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RuleUpdate }) => updateRule(kind, id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteRule(kind: RuleKind) {
  const invalidate = useInvalidateRules(kind);
  return useMutation({ mutationFn: (id: number) => deleteRule(kind, id), onSuccess: invalidate });
}

/** Up/down or drag: the cache takes the new order at once so rows do not jump back while saving. */
export function useOrderRules(kind: RuleKind) {
  const queryClient = useQueryClient();
  const key = ruleKeys(kind).list;
  return useMutation({
    mutationFn: (orderedIds: number[]) => orderRules(kind, orderedIds),
    onMutate: async (orderedIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Rule[]>(key);
      queryClient.setQueryData<Rule[]>(key, (list) =>
        list
          ?.map((rule) => ({ ...rule, sortOrder: orderedIds.indexOf(rule.id) }))
          .sort((a, b) => a.sortOrder - b.sortOrder),
      );
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
