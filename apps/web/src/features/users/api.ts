import type { Role, User, UserCreate, UserUpdate } from '@stinet/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { UserPage } from '../../api/types';

/** A page of users, optionally filtered by text and role (national administrators). */
export function useUsers(filters: { q?: string | undefined; role?: Role | undefined; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: ['users', filters],
    queryFn: ({ signal }) => api.get<UserPage>('/api/users', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Creates a user. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<User>('/api/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Changes a user (role, scope, activation, password…). */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserUpdate }) => api.patch<User>(`/api/users/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
