import type { Certificate, CertificateVerification } from '@stinet/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

/** The query key of a certificate (staff view). */
export function certificateKey(id: string) {
  return ['certificates', 'detail', id] as const;
}

/** The address of a certificate's PDF (the session cookie goes with same-origin links). */
export function certificatePdfUrl(id: string): string {
  return `/api/certificates/${id}/pdf`;
}

/** The address of a certified copy's PDF. */
export function certificateCopyPdfUrl(id: string, copyNo: number): string {
  return `/api/certificates/${id}/copies/${copyNo}/pdf`;
}

/** The in-app path of the public verification page of a certificate code. */
export function verificationPath(code: string): string {
  return `/verify/${code}`;
}

/** A certificate with its copies and whether the caller may issue copies and revoke it (staff in scope, the lead organization). */
export function useCertificate(id: string | undefined) {
  return useQuery({
    queryKey: certificateKey(id ?? ''),
    queryFn: ({ signal }) => api.get<Certificate>(`/api/certificates/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/**
 * The public check of a certificate by the code printed on it; null when no certificate has that code (the API
 * answers 404, also for malformed codes).
 */
export function useCertificateVerification(code: string | undefined) {
  return useQuery({
    queryKey: ['certificates', 'verify', code],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<CertificateVerification>(`/api/certificates/verify/${encodeURIComponent(code ?? '')}`, undefined, signal);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
        throw error;
      }
    },
    enabled: Boolean(code),
  });
}

/** Stores the certificate the server answered with; the dossier (its summary status) and the public lists follow. */
function afterChange(queryClient: QueryClient, cert: Certificate) {
  queryClient.setQueryData(certificateKey(cert.id), cert);
  void queryClient.invalidateQueries({ queryKey: ['certificates', 'verify', cert.verificationCode] });
  void queryClient.invalidateQueries({ queryKey: ['registrations'] });
  return queryClient.invalidateQueries({ queryKey: ['results'] });
}

/** Issues a certified copy (marked as a copy; the original is never issued twice). */
export function useIssueCertificateCopy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (purpose: string | null) => api.post<Certificate>(`/api/certificates/${id}/copies`, { purpose }),
    onSuccess: (cert) => afterChange(queryClient, cert),
  });
}

/** Revokes a certificate with a reason (TT 14/2014 Art 16); the public verification then says so. */
export function useRevokeCertificate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<Certificate>(`/api/certificates/${id}/revoke`, { reason }),
    onSuccess: (cert) => afterChange(queryClient, cert),
  });
}
