import { TASK_STATUSES, type TaskStatus } from '@stinet/shared';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeLabel } from '../../components/CodeLabel';
import { renderRecordValue } from '../../components/HistoryValues';
import { i18n } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { STATUS_COLORS } from './rules';

/** A task's workflow status as a colored badge. */
export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={STATUS_COLORS[status]} style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`tasks.statuses.${status}`)}
    </Badge>
  );
}

/** The red "late" badge of a task whose ongoing-task form missed its deadline. */
export function LateBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="filled" color="red">
      {t('tasks.late')}
    </Badge>
  );
}

/** The deadline of the ongoing-task form (contract date + 30 working days) with the late flag and how it is counted. */
export function TaskDeadline({ deadline, isLate }: { deadline: string | null; isLate: boolean }) {
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
          {t('tasks.noDeadline')}
        </Text>
      )}
      <Text span size="xs" c="dimmed" display="block">
        {t('tasks.deadlineHint')}
      </Text>
    </>
  );
}

/** The task's fields of science (one per line, with their codes). */
export function FieldCodes({ scheme, codes }: { scheme: 'FOS2025' | 'FOS2008'; codes: string[] }) {
  if (codes.length === 0) return null;
  return (
    <>
      {codes.map((code) => (
        <span key={code} style={{ display: 'block' }}>
          <CodeLabel scheme={scheme} code={code} withCode />
        </span>
      ))}
    </>
  );
}

/** Sections of long text (objectives, content, …), each named by its heading; empty texts show a dash. */
export function TextSections({ sections, order = 2 }: { sections: { id: string; title: string; text: string | null | undefined }[]; order?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id}>
          <Title order={order} fz="md" id={s.id} mb={4}>
            {s.title}
          </Title>
          {s.text ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {s.text}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              <span aria-label={t('common.none')}>—</span>
            </Text>
          )}
        </section>
      ))}
    </Stack>
  );
}

/** The period of a task, "start – end". */
export function formatPeriod(startDate: string, endDate: string): string {
  return `${formatDate(startDate)} – ${formatDate(endDate)}`;
}

/** An amount in million VND, or null when unknown (shown as a dash). */
export function formatMillionVnd(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : i18n.t('tasks.millionVnd', { amount: formatNumber(value) });
}

function isStatus(value: unknown): value is TaskStatus {
  return typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value);
}

function memberName(member: unknown): string | null {
  if (typeof member === 'string') return member;
  if (typeof member === 'object' && member !== null && 'fullName' in member && typeof member.fullName === 'string') return member.fullName;
  return null;
}

/**
 * Renders audit values of task fields readably: the status and funding type translated, the members as a list
 * of names, and everything the record views share (codes, units, organizations) as {@link renderRecordValue} does.
 */
export function renderTaskValue(field: string, value: unknown): ReactNode | undefined {
  if (field === 'status' && isStatus(value)) return i18n.t(`tasks.statuses.${value}`);
  if (field === 'fundingType' && (value === 'NSNN' || value === 'NON_NSNN' || value === 'FUND')) return i18n.t(`tasks.fundingTypes.${value}`);
  if (field === 'members' && Array.isArray(value)) {
    const names = value.map(memberName).filter((n): n is string => n !== null);
    if (names.length === 0) return undefined;
    return names.map((name, i) => (
      <span key={`${i}-${name}`} style={{ display: 'block' }}>
        {name}
      </span>
    ));
  }
  return renderRecordValue(field, value);
}
