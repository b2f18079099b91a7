import { LoginInput } from '@stinet/shared';
import { Button, Card, Center, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, zodFieldErrors } from '../../lib/form';

function safeNext(next: string | null): string {
  return next && next.startsWith('/staff') && !next.startsWith('//') ? next : '/staff';
}

/** The sign-in page: username and password; on success goes to the staff area (or the page asked for). */
export function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('auth.loginTitle')} · ${t('app.shortName')}`;
  }, [t]);

  if (user && !submitting) return <Navigate to={next} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const parsed = LoginInput.safeParse({ username, password });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await login(parsed.data);
      navigate(next, { replace: true });
    } catch (error) {
      setApiError(error);
      setSubmitting(false);
    }
  };

  return (
    <Center py="xl">
      <Card withBorder shadow="sm" padding="xl" w="100%" maw={420}>
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="login-title">
          <Stack gap="md">
            <Title order={1} id="login-title" fz={24}>
              {t('auth.loginTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('auth.loginIntro')}
            </Text>
            {apiError ? <ErrorAlert error={apiError} title={t('auth.loginFailed')} /> : null}
            <TextInput
              label={t('auth.username')}
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={errors.username}
              required
              autoFocus
            />
            <PasswordInput
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              required
              visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
            />
            <Button type="submit" loading={submitting} fullWidth>
              {t('auth.login')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
