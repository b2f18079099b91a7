import type { AuditEntry } from '@stinet/shared';
import { Badge, Card, Group, Pagination, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPage } from '../api/types';
import { formatDateTime, formatValue } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';
import { EmptyState, LoadingState } from './States';

/** Props of {@link ChangeTable}. */
export interface ChangeTableProps {
  entry: AuditEntry;
  /** Turns a field name into a human label. */
  fieldLabel?: (field: string) => string;
  /** Renders a value readably (e.g. a code's label); undefined falls back to plain text. */
  renderValue?: (field: string, value: unknown) => ReactNode | undefined;
}

/** The changed fields of one audit entry with their values before and after. */
export function ChangeTable({ entry, fieldLabel = (f) => f, renderValue }: ChangeTableProps) {
  const show = (field: string, value: unknown): ReactNode => renderValue?.(field, value) ?? formatValue(value);
  const { t } = useTranslation();
  const fields =
    entry.changedFields.length > 0
      ? entry.changedFields
      : Object.keys({ ...(entry.before ?? {}), ...(entry.after ?? {}) });
  if (fields.length === 0) return <Text size="sm" c="dimmed">{t('history.noFieldChanges')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
        <Table.Caption>
          <VisuallyHidden>{t('history.changesCaption', { action: entry.action, at: formatDateTime(entry.at) })}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('history.field')}</Table.Th>
            <Table.Th scope="col">{t('history.before')}</Table.Th>
            <Table.Th scope="col">{t('history.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field) => (
            <Table.Tr key={field}>
              <Table.Th scope="row" fw={500}>
                {fieldLabel(field)}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{show(field, entry.before?.[field])}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{show(field, entry.after?.[field])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Props of {@link HistoryList}. */
export interface HistoryListProps {
  data: AuditPage | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry?: () => void;
  page: number;
  onPageChange: (page: number) => void;
  fieldLabel?: (field: string) => string;
  renderValue?: (field: string, value: unknown) => ReactNode | undefined;
}

/** A record's change history: who did what, when, with before/after values of the changed fields. */
export function HistoryList({ data, isLoading, error, onRetry, page, onPageChange, fieldLabel, renderValue }: HistoryListProps) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  if (error) return <ErrorAlert error={error} {...(onRetry ? { onRetry } : {})} />;
  if (isLoading || !data) return <LoadingState />;
  if (data.items.length === 0) return <EmptyState message={t('history.empty')} />;
  const totalPages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <Stack gap="md">
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {data.items.map((entry) => (
          <Card component="li" key={entry.id} withBorder padding="sm">
            <Group justify="space-between" mb="xs" wrap="wrap">
              <Group gap="xs">
                <Badge variant="light">{actionLabel(entry.action)}</Badge>
                <Text size="sm" fw={500}>
                  {entry.actor?.username ?? t('history.system')}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </Text>
            </Group>
            <ChangeTable entry={entry} {...(fieldLabel ? { fieldLabel } : {})} {...(renderValue ? { renderValue } : {})} />
          </Card>
        ))}
      </Stack>
      {totalPages > 1 ? (
        <nav aria-label={t('common.pagination')}>
          <Pagination
            total={totalPages}
            value={page}
            onChange={onPageChange}
            size="sm"
            getItemProps={(p) => ({ 'aria-label': t('common.goToPage', { page: p }) })}
            getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
          />
        </nav>
      ) : null}
    </Stack>
  );
}

const KNOWN_ACTIONS = ['create', 'update', 'delete', 'login', 'logout', 'login_failed', 'revoke', 'seed', 'submit', 'return', 'publish', 'accept', 'change', 'apply', 'register', 'attach', 'detach', 'issue', 'copy', 'import', 'sweep', 'approve', 'reopen'] as const;

/** Translates a known audit action name (create, update, submit, …); unknown names are shown as they are. */
export function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => {
    const known = KNOWN_ACTIONS.find((a) => a === action.toLowerCase());
    return known ? t(`audit.actions.${known}`) : action;
  };
}
