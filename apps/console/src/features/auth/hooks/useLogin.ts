import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type LoginInput, login } from '../api/authApi';
import { setSession } from './session';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onSuccess: (me) => setSession(queryClient, me),
  });
}
