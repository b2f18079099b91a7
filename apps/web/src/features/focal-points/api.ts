import type {
  FocalPoint,
  FocalPointCreate,
  FocalPointUpdate,
  FocalStaff,
  FocalStaffCreate,
  FocalStaffUpdate,
  Training,
  TrainingCreate,
} from '@stinet/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Focal-point designations valid at a date, optionally for one unit. */
export function useFocalPoints(filters: { asOf?: string | undefined; orgUnitId?: string | undefined }) {
  return useQuery({
    queryKey: ['focal-points', 'list', filters],
    queryFn: ({ signal }) => api.get<{ items: FocalPoint[] }>('/api/focal-points', { ...filters }, signal),
    select: (data) => data.items,
  });
}

/** One focal-point designation. */
export function useFocalPoint(id: string | undefined) {
  return useQuery({
    queryKey: ['focal-points', 'detail', id],
    queryFn: ({ signal }) => api.get<FocalPoint>(`/api/focal-points/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** The staff of a focal point with their trainings (staff in scope only). */
export function useFocalStaff(focalPointId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['focal-points', 'staff', focalPointId],
    queryFn: ({ signal }) => api.get<{ items: FocalStaff[] }>(`/api/focal-points/${focalPointId ?? ''}/staff`, undefined, signal),
    select: (data) => data.items,
    enabled: Boolean(focalPointId) && enabled,
  });
}

/** Designates a focal point (national administrators). */
export function useCreateFocalPoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FocalPointCreate) => api.post<FocalPoint>('/api/focal-points', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['focal-points'] }),
  });
}

/** Changes a focal-point designation. */
export function useUpdateFocalPoint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FocalPointUpdate) => api.patch<FocalPoint>(`/api/focal-points/${id}`, body),
    onSuccess: (fp) => {
      queryClient.setQueryData(['focal-points', 'detail', id], fp);
      return queryClient.invalidateQueries({ queryKey: ['focal-points', 'list'] });
    },
  });
}

/** Adds a staff member to a focal point. */
export function useCreateFocalStaff(focalPointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FocalStaffCreate) => api.post<FocalStaff>(`/api/focal-points/${focalPointId}/staff`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['focal-points', 'staff', focalPointId] }),
  });
}

/** Changes a staff member. */
export function useUpdateFocalStaff(focalPointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: FocalStaffUpdate }) => api.patch<FocalStaff>(`/api/focal-staff/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['focal-points', 'staff', focalPointId] }),
  });
}

/** Records a training of a staff member. */
export function useCreateTraining(focalPointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ staffId, body }: { staffId: string; body: TrainingCreate }) =>
      api.post<Training>(`/api/focal-staff/${staffId}/trainings`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['focal-points', 'staff', focalPointId] }),
  });
}
