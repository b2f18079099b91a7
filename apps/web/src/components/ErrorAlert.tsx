import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Props of {@link ErrorAlert}. */
export interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retryLabel?: string;
}

/** Shows an API error's message (already in the user's language) in an alert, with an optional retry button. */
export function ErrorAlert({ error, title, onRetry, retryLabel }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert role="alert" color="red" variant="light" title={title ?? t('errors.title')}>
      <Text size="sm">{message}</Text>
      {requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: requestId })}
        </Text>
      ) : null}
      {onRetry ? (
        <Group mt="sm">
          <Button size="xs" variant="outline" color="red" onClick={onRetry}>
            {retryLabel ?? t('common.retry')}
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
