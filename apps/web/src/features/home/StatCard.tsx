import { Card, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { AppLink } from '../../components/AppLink';

/** Props of {@link StatCard}. */
export interface StatCardProps {
  label: string;
  value: number | undefined;
  error: Error | null;
  to: string;
  linkLabel: string;
  note?: ReactNode;
}

/** A card with one headline count (from a list endpoint's `total`) and a link to the list. */
export function StatCard({ label, value, error, to, linkLabel, note }: StatCardProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Text size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      {error ? (
        <Text c="red" size="sm" role="alert" mt="xs">
          {error.message}
        </Text>
      ) : value === undefined ? (
        <Loader size="sm" mt="sm" aria-label={t('common.loading')} />
      ) : (
        <Text fz={36} fw={700} c="blue.8" lh={1.3}>
          {formatNumber(value)}
        </Text>
      )}
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
      <AppLink to={to} size="sm" mt="xs" display="inline-block">
        {linkLabel}
      </AppLink>
    </Card>
  );
}
