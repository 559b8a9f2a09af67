import { useGroupDirectory } from '../../org/hooks/useGroups';

/** Agent groups for pickers and names, from the directory every agent may read. */
export function useGroupOptions() {
  const { data: groups = [] } = useGroupDirectory();
  return groups;
}
