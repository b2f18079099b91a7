import type { OrgUnitKind, TaskStatus } from '@stinet/shared';

/**
 * Which kinds of unit may register a task of each management level (TT 14/2014 Art 11), as the server checks:
 * national tasks at the national agency, ministerial ones at a ministry, provincial ones at a province,
 * grassroots ones at a ministry or a province. Unknown levels (and "other") allow every kind.
 */
const LEVEL_UNIT_KINDS: Record<string, OrgUnitKind[]> = {
  QG: ['national'],
  BO: ['ministry'],
  TINH: ['province'],
  CS: ['ministry', 'province'],
};

const ALL_KINDS: OrgUnitKind[] = ['national', 'ministry', 'province'];

/** The kinds of registering unit a task of this level may have. */
export function unitKindsForLevel(levelCode: string | null | undefined): OrgUnitKind[] {
  return (levelCode ? LEVEL_UNIT_KINDS[levelCode] : undefined) ?? ALL_KINDS;
}

/** The management level that fits an officer's scope unit (a province registers provincial tasks, a ministry ministerial ones). */
export function levelForUnitKind(kind: OrgUnitKind): string {
  return kind === 'national' ? 'QG' : kind === 'ministry' ? 'BO' : 'TINH';
}

/** The badge color of each task status. */
export const STATUS_COLORS: Record<TaskStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  published: 'green',
};

/** Whether a task in this status can still be changed and sent (drafts and returned tasks). */
export function isEditableStatus(status: TaskStatus): boolean {
  return status === 'draft' || status === 'returned';
}
