import { Box, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One label/value pair of a {@link DetailList}. */
export interface DetailItem {
  label: string;
  value: ReactNode;
}

/** A description list (`<dl>`) of label/value pairs in two columns; empty values show a dash. */
export function DetailList({ items, cols = 2 }: { items: DetailItem[]; cols?: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: cols }} spacing="md" verticalSpacing="sm" m={0}>
      {items.map((item) => (
        <Box key={item.label}>
          <Text component="dt" size="xs" fw={600} c="dimmed" tt="uppercase">
            {item.label}
          </Text>
          <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {item.value === null || item.value === undefined || item.value === '' ? (
              <span aria-label={t('common.none')}>—</span>
            ) : (
              item.value
            )}
          </Text>
        </Box>
      ))}
    </SimpleGrid>
  );
}

/** A titled group of details (a section named by its heading). */
export function DetailSection({ id, title, items, cols = 3 }: { id: string; title: string; items: DetailItem[]; cols?: number }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} fz="md" id={id} mb="xs">
        {title}
      </Title>
      <DetailList cols={cols} items={items} />
    </section>
  );
}

/** A detail value of long text (e.g. objectives or content) kept with its line breaks; null when empty (shown as a dash). */
export function longText(value: string | null | undefined): ReactNode {
  return value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : null;
}
