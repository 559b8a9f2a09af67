import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendNotification } from '../api/notificationsApi';
import { notificationKeys } from './notificationKeys';

/** Admin broadcast to chosen agents (POST /notifications). */
export function useSendNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendNotification,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
