import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createField, deleteField, listFields, reorderFields, updateField } from '../api/fieldsApi';
import type { FieldCreate, FieldDefinition, FieldEntity, FieldUpdate } from '../types/customerTypes';
import { customerKeys } from './customerKeys';

/** The entity's field definitions (system and custom) in display order. */
export function useFields(entity: FieldEntity) {
  return useQuery({
    queryKey: customerKeys.fields(entity),
    queryFn: () => listFields(entity),
    staleTime: 60_000,
  });
}

function useInvalidateFields() {
  const queryClient = useQueryClient();
  return (entity: FieldEntity) => queryClient.invalidateQueries({ queryKey: customerKeys.fields(entity) });
}

export function useCreateField() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: (body: FieldCreate) => createField(body),
    onSuccess: (field) => invalidate(field.entity),
  });
}

export function useUpdateField() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: FieldUpdate }) => updateField(id, body),
    onSuccess: (field) => invalidate(field.entity),
  });
}

export function useDeleteField() {
  const invalidate = useInvalidateFields();
  return useMutation({
    mutationFn: (field: FieldDefinition) => deleteField(field.id),
    onSuccess: (_data, field) => invalidate(field.entity),
  });
}

/** Drag to reorder: the cache takes the new order at once so rows do not jump back while saving. */
export function useReorderFields(entity: FieldEntity) {
  const queryClient = useQueryClient();
  const key = customerKeys.fields(entity);
  return useMutation({
    mutationFn: (orderedIds: number[]) => reorderFields(entity, orderedIds),
    onMutate: async (orderedIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<FieldDefinition[]>(key);
      queryClient.setQueryData<FieldDefinition[]>(key, (fields) =>
        fields
          ?.map((f) => ({ ...f, sortOrder: orderedIds.indexOf(f.id) }))
          .sort((a, b) => a.sortOrder - b.sortOrder),
      );
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (fields) => queryClient.setQueryData(key, fields),
  });
}
