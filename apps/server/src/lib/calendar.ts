import { OFFICIAL_HOLIDAY_YEARS, PROVISIONAL_HOLIDAY_YEARS, createWorkingCalendar } from '@stinet/shared';

/**
 * The working-day calendar for legal deadlines: officially announced holiday schedules, the provisional
 * ones for years whose notice is not yet verified, and the statutory rules (Labour Code 2019) for other years.
 * Per-year schedules editable by administrators are planned (issue #3); until then they are data in packages/shared.
 */
export const workingCalendar = createWorkingCalendar({ ...OFFICIAL_HOLIDAY_YEARS, ...PROVISIONAL_HOLIDAY_YEARS });

/** Working days for the ongoing-task form after the contract (Decree 11/2014 Art 6, Circular 14/2014 Art 6). */
export const ONGOING_TASK_WORKING_DAYS = 30;
