import { Box, SimpleGrid, Text } from '@mantine/core';
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
