import { StatPeriodClose, StatPeriodReopen, type StatPeriod } from '@stinet/shared';
import { Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReviewDecisionDialog } from '../../components/ReviewDecisionDialog';
import { formatDateTime } from '../../lib/format';
import { AssignFormsDialog } from './AssignFormsDialog';
import { useStatPeriodActions } from './releasesApi';

/** The "closed on …" badge of a closed period (Vietnam time). */
export function PeriodClosedBadge({ period }: { period: StatPeriod }) {
  const { t } = useTranslation();
  if (period.status !== 'closed') return null;
  return (
    <Badge size="md" variant="light" color="gray" style={{ flexShrink: 0, overflow: 'visible' }}>
      {t('statsAdmin.period.closedBadge', { date: formatDateTime(period.closedAt) })}
    </Badge>
  );
}

type Dialog = 'close' | 'reopen' | 'assign' | null;

/**
 * The state of a period and, for national admins, its management: assign forms, close it (with an optional note)
 * or reopen a closed one (with a required reason).
 */
export function PeriodActions({ period, canManage }: { period: StatPeriod; canManage: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { close, reopen } = useStatPeriodActions(period.id);
  const closed = period.status === 'closed';
  if (!closed && !canManage) return null;
  return (
    <Group gap="sm" mb="md" wrap="wrap" data-testid="period-actions">
      <PeriodClosedBadge period={period} />
      {closed ? (
        <Text size="sm" c="dimmed">
          {t('statsAdmin.period.closedNotice')}
        </Text>
      ) : null}
      {canManage ? (
        <Group gap="sm" ml="auto">
          {!closed ? (
            <Button variant="default" onClick={() => setDialog('assign')}>
              {t('statsAdmin.assign.open')}
            </Button>
          ) : null}
          {closed ? (
            <Button color="orange" variant="outline" onClick={() => setDialog('reopen')}>
              {t('statsAdmin.period.reopen')}
            </Button>
          ) : (
            <Button color="gray" variant="outline" onClick={() => setDialog('close')}>
              {t('statsAdmin.period.close')}
            </Button>
          )}
        </Group>
      ) : null}
      {dialog === 'assign' ? <AssignFormsDialog period={period} onClose={() => setDialog(null)} /> : null}
      {dialog === 'close' ? (
        <ReviewDecisionDialog
          opened
          isReturn={false}
          texts={{
            title: t('statsAdmin.period.closeTitle', { year: period.year }),
            submitLabel: t('statsAdmin.period.close'),
            intro: t('statsAdmin.period.closeIntro'),
            commentLabel: t('statsAdmin.period.closeNote'),
            done: t('statsAdmin.period.closed'),
          }}
          schema={StatPeriodClose}
          body={(comment) => ({ note: comment.trim() || undefined })}
          send={(body) => close.mutateAsync(body)}
          state={close}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'reopen' ? (
        <ReviewDecisionDialog
          opened
          isReturn
          texts={{
            title: t('statsAdmin.period.reopenTitle', { year: period.year }),
            submitLabel: t('statsAdmin.period.reopen'),
            intro: t('statsAdmin.period.reopenIntro'),
            commentLabel: t('statsAdmin.period.reopenReason'),
            done: t('statsAdmin.period.reopened'),
          }}
          schema={StatPeriodReopen}
          body={(comment) => ({ reason: comment })}
          send={(body) => reopen.mutateAsync(body)}
          state={reopen}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Group>
  );
}
