import type { RegistrationStatus } from '@stinet/shared';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { LateBadge } from '../tasks/TaskBits';

/** The badge color of each dossier status. */
export const REGISTRATION_STATUS_COLORS: Record<RegistrationStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  registered: 'green',
};

/** A registration dossier's status as a colored badge. */
export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={REGISTRATION_STATUS_COLORS[status]} style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`registrations.statuses.${status}`)}
    </Badge>
  );
}

/** The deadline of the dossier (official acceptance + 30 working days) with the late flag and, optionally, how it is counted. */
export function RegistrationDeadline({ deadline, isLate, withHint = false }: { deadline: string | null; isLate: boolean; withHint?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {deadline ? (
        <Group gap="xs" component="span" wrap="nowrap">
          <span>{formatDate(deadline)}</span>
          {isLate ? <LateBadge /> : null}
        </Group>
      ) : (
        <Text span size="sm" c="dimmed">
          {t('acceptance.noDeadline')}
        </Text>
      )}
      {withHint ? (
        <Text span size="xs" c="dimmed" display="block">
          {t('acceptance.deadlineHint')}
        </Text>
      ) : null}
    </>
  );
}

/** A file size for people: bytes, KB or MB in the current language's number format. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return i18n.t('registrations.file.sizeBytes', { size: formatNumber(bytes) });
  if (bytes < 1024 * 1024) return i18n.t('registrations.file.sizeKb', { size: formatNumber(Math.round((bytes / 1024) * 10) / 10) });
  return i18n.t('registrations.file.sizeMb', { size: formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10) });
}
