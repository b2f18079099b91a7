import type { StatReportStatus } from '@stinet/shared';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Badge colors of the statuses of a statistical report. */
export const STAT_STATUS_COLORS: Record<StatReportStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  approved: 'teal',
  accepted: 'green',
};

/** A statistical report's status as a colored badge. */
export function StatStatusBadge({ status }: { status: StatReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={STAT_STATUS_COLORS[status]} style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`stats.statuses.${status}`)}
    </Badge>
  );
}

/** The red "late" badge: first sent after the unit deadline, or still unsent after it. */
export function StatLateBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="filled" color="red" style={{ flexShrink: 0, overflow: 'visible' }}>
      {t('stats.late')}
    </Badge>
  );
}

/** The address of a report's page. */
export function statReportPath(id: string): string {
  return `/staff/stats/reports/${id}`;
}
