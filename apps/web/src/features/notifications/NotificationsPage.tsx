import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES, type NotificationItem, type NotificationKind } from '@stinet/shared';
import { Badge, Button, Card, Group, Modal, Text } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppSelect } from '../../components/AppSelect';
import { type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { useNotifications, useRunSweep } from './api';

const PAGE_SIZE = 50;
const DEFAULTS = { status: '', kind: '' };
const STATUS_COLORS = { pending: 'blue', sent: 'green', failed: 'red' } as const;
type Status = (typeof NOTIFICATION_STATUSES)[number];

function isStatus(value: string): value is Status {
  return (NOTIFICATION_STATUSES as readonly string[]).includes(value);
}
function isKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/**
 * The reminder outbox (national admin): every reminder queued by the sweeps — ongoing-task forms, result
 * registrations, application reports and returned items — with its recipient, delivery status, attempts and last
 * error; filters by status and kind; "run a sweep now".
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const status = get('status');
  const kind = get('kind');
  const query = useNotifications({ status: isStatus(status) ? status : undefined, kind: isKind(kind) ? kind : undefined, page, pageSize: PAGE_SIZE });
  const sweep = useRunSweep();
  const [shown, setShown] = useState<NotificationItem | null>(null);

  const columns: Column<NotificationItem>[] = [
    { key: 'created', header: t('notifications.createdAt'), render: (n) => formatDateTime(n.createdAt), width: 140 },
    { key: 'kind', header: t('notifications.kind'), render: (n) => (isKind(n.kind) ? t(`notifications.kinds.${n.kind}`) : n.kind), width: 170 },
    { key: 'recipient', header: t('notifications.recipient'), render: (n) => n.recipient },
    {
      key: 'subject',
      header: t('notifications.subject'),
      isRowHeader: true,
      render: (n) => (
        <Button variant="subtle" size="compact-sm" onClick={() => setShown(n)} styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }} h="auto" py={2}>
          {n.subject}
        </Button>
      ),
    },
    {
      key: 'status',
      header: t('notifications.status'),
      render: (n) => (
        <Badge size="sm" variant="light" color={STATUS_COLORS[n.status]}>
          {t(`notifications.statuses.${n.status}`)}
        </Badge>
      ),
      width: 110,
    },
    { key: 'attempts', header: t('notifications.attempts'), render: (n) => n.attempts, width: 90, align: 'right' },
    { key: 'sent', header: t('notifications.sentAt'), render: (n) => formatDateTime(n.sentAt), width: 140 },
    { key: 'error', header: t('notifications.lastError'), render: (n) => (n.lastError ? <Text size="xs" c="red.9">{n.lastError}</Text> : null) },
  ];

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          <Button
            loading={sweep.isPending}
            onClick={async () => {
              try {
                const r = await sweep.mutateAsync();
                toasts.show({ color: r.failed ? 'orange' : 'green', message: t('notifications.sweepDone', { created: r.created, sent: r.sent, failed: r.failed }) });
              } catch {
                // shown below
              }
            }}
          >
            {t('notifications.runSweep')}
          </Button>
        }
      />
      {sweep.error ? <ErrorAlert error={sweep.error} /> : null}
      <Card withBorder mb="md">
        <Group align="flex-end" wrap="wrap">
          <AppSelect
            label={t('notifications.status')}
            data={NOTIFICATION_STATUSES.map((s) => ({ value: s, label: t(`notifications.statuses.${s}`) }))}
            value={isStatus(status) ? status : null}
            onChange={(v) => set({ status: v ?? '' })}
            clearable
            placeholder={t('notifications.allStatuses')}
            w={200}
          />
          <AppSelect
            label={t('notifications.kind')}
            data={NOTIFICATION_KINDS.map((k) => ({ value: k, label: t(`notifications.kinds.${k}`) }))}
            value={isKind(kind) ? kind : null}
            onChange={(v) => set({ kind: v ?? '' })}
            clearable
            placeholder={t('notifications.allKinds')}
            w={260}
          />
        </Group>
      </Card>
      <Card withBorder>
        <PagedTable
          caption={t('notifications.caption')}
          columns={columns}
          rowKey={(n) => n.id}
          query={query}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          emptyMessage={t('notifications.empty')}
          minWidth={1200}
        />
      </Card>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={t('notifications.bodyTitle')} size="lg">
        {shown ? (
          <>
            <Text size="sm" fw={600}>
              {shown.subject}
            </Text>
            <Text size="xs" c="dimmed" mb="sm">
              {t('notifications.recipient')}: {shown.recipient}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {shown.body}
            </Text>
          </>
        ) : null}
      </Modal>
    </>
  );
}
