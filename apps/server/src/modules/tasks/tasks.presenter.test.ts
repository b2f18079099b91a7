import { describe, expect, it } from 'vitest';
import { builtinWorkingCalendar as cal } from '../../lib/calendar.js';
import { ongoingDeadline } from './tasks.presenter.js';

describe('ongoing-task deadline', () => {
  it('counts 30 working days from the contract, skipping weekends and Tết 2025', () => {
    // contract Fri 10 Jan 2025; Tết holidays 25 Jan – 2 Feb 2025 (official schedule)
    const { ongoingDeadline: d } = ongoingDeadline({ contractDate: '2025-01-10', firstSubmittedAt: null }, cal, '2025-01-20');
    expect(d).toBe('2025-02-28');
  });
  it('flags late: submitted after the deadline, or unsent past it; not late when sent in time', () => {
    expect(ongoingDeadline({ contractDate: '2025-01-10', firstSubmittedAt: new Date('2025-03-03T03:00:00Z') }, cal).isOngoingLate).toBe(true);
    expect(ongoingDeadline({ contractDate: '2025-01-10', firstSubmittedAt: new Date('2025-02-27T03:00:00Z') }, cal).isOngoingLate).toBe(false);
    expect(ongoingDeadline({ contractDate: '2025-01-10', firstSubmittedAt: null }, cal, '2025-03-01').isOngoingLate).toBe(true);
    expect(ongoingDeadline({ contractDate: null, firstSubmittedAt: null }, cal)).toEqual({ ongoingDeadline: null, isOngoingLate: false });
  });
});
