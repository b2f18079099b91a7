import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatNumber } from '../../../lib/format';

/** Props of {@link IndicatorCardShell}. */
export interface IndicatorCardShellProps {
  /** The small line above the name (e.g. "Mã 1402"). */
  codeLine: string;
  name: string;
  headingId: string;
  children: ReactNode;
}

/** The card of one indicator of the catalog: its code, its name as a heading, and what is known of its value. */
export function IndicatorCardShell({ codeLine, name, headingId, children }: IndicatorCardShellProps) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          {codeLine}
        </Text>
        <Title order={3} size="h6" id={headingId}>
          {name}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** An indicator's value in large type with its unit (`testId` marks the number for tests). */
export function IndicatorNumber({ value, unit, testId }: { value: number; unit: string; testId: string }) {
  return (
    <Group gap="xs" align="baseline">
      <Text fw={700} fz={28} lh={1.1} data-testid={testId}>
        {formatNumber(value)}
      </Text>
      <Text size="sm">{unit}</Text>
    </Group>
  );
}
