import type { LoginInput, Me, Role, User } from '@stinet/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken } from './client';
import type { ProfileUpdate } from './types';

/** Query key of the current session. */
export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** What {@link useAuth} offers. */
export interface AuthContextValue {
  /** The signed-in user, or null for anonymous visitors. */
  user: User | null;
  /** True while the session is first being read. */
  isLoading: boolean;
  /** The error of reading the session (not a 401), if any. */
  error: Error | null;
  /** Signs in; resolves with the session or rejects with an ApiError. */
  login: (input: LoginInput) => Promise<Me>;
  /** Signs out and forgets all cached data. */
  logout: () => Promise<void>;
  /** Changes the user's own profile (language, display name, password). */
  updateProfile: (input: ProfileUpdate) => Promise<Me>;
  /** True when the user has one of the roles. */
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Provides the current session (GET /api/auth/me) and login/logout actions to the app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });

  const loginMutation = useMutation({
    mutationFn: (input: LoginInput) => api.post<Me>('/api/auth/login', input),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'classifications' });
      queryClient.setQueryData(ME_KEY, me);
    },
  });

  const logoutMutation = useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'classifications' });
    },
  });

  const profileMutation = useMutation({
    mutationFn: (input: ProfileUpdate) => api.patch<Me>('/api/auth/me', input),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(ME_KEY, me);
    },
  });

  const user = meQuery.data?.user ?? null;
  const { mutateAsync: loginAsync } = loginMutation;
  const { mutateAsync: logoutAsync } = logoutMutation;
  const { mutateAsync: profileAsync } = profileMutation;

  const hasRole = useCallback((...roles: Role[]) => (user ? roles.includes(user.role) : false), [user]);

  const value = useMemo<AuthContextValue>(
    () => ({
      user,
      isLoading: meQuery.isPending,
      error: meQuery.error,
      login: (input) => loginAsync(input),
      logout: async () => {
        try {
          await logoutAsync();
        } catch {
          // The session is forgotten locally even if the server could not be reached.
        }
      },
      updateProfile: (input) => profileAsync(input),
      hasRole,
    }),
    [user, meQuery.isPending, meQuery.error, loginAsync, logoutAsync, profileAsync, hasRole],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The current session and auth actions; must be used inside {@link AuthProvider}. */
export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
