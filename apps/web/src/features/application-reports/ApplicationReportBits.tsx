import type { ApplicationReportStatus, ApplicationSlotState, ApplicationStatus } from '@stinet/shared';
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { formatNumber } from '../../lib/format';

/** Badge colors of the slot states (a started report shows its status). */
export const SLOT_COLORS: Record<ApplicationSlotState, string> = {
  not_open: 'gray',
  open: 'cyan',
  overdue: 'red',
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

/** The state of a yearly slot (not open, open, overdue) or the status of its report, as a colored badge. */
export function SlotStateBadge({ state }: { state: ApplicationSlotState }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={SLOT_COLORS[state]} style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`applicationReports.slotStates.${state}`)}
    </Badge>
  );
}

/** A report's workflow status as a colored badge. */
export function ReportStatusBadge({ status }: { status: ApplicationReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={SLOT_COLORS[status]} style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`applicationReports.statuses.${status}`)}
    </Badge>
  );
}

/** The red "late" badge of a report first sent after its due date (or still unsent after it). */
export function ReportLateBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="filled" color="red" style={{ flexShrink: 0, overflow: 'visible' }}>
      {t('applicationReports.late')}
    </Badge>
  );
}

/** Whether and how the results were applied. */
export function ApplicationStatusText({ status }: { status: ApplicationStatus | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return <>{t(`applicationReports.applicationStatuses.${status}`)}</>;
}

/** Days to a due date (or past it), e.g. "Còn 12 ngày" / "Quá 3 ngày". */
export function DaysLeft({ days }: { days: number }) {
  const { t } = useTranslation();
  if (days === 0) return <Text span size="sm">{t('applicationReports.dueToday')}</Text>;
  return days > 0 ? (
    <Text span size="sm">
      {t('applicationReports.daysLeft', { n: days })}
    </Text>
  ) : (
    <Text span size="sm" c="red.9">
      {t('applicationReports.daysOverdue', { n: -days })}
    </Text>
  );
}

/** An amount in million VND, or null when unknown (shown as a dash). */
export function formatMillion(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : i18n.t('applicationReports.millionVnd', { amount: formatNumber(value) });
}
