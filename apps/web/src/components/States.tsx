import { Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner with a text announced to screen readers while data loads. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="lg" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {label ?? t('common.loading')}
        </Text>
      </Group>
    </Center>
  );
}

/** A muted note shown when a list has no entries. */
export function EmptyState({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" size="sm" py="md" ta="center">
      {message ?? t('common.empty')}
    </Text>
  );
}
