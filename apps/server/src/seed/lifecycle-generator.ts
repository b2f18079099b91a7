import { addCalendarDays as addDays } from '@stinet/shared';
import { createRng } from './generator.js';

/** What the lifecycle plan needs of a published task. */
export interface LifecycleTask {
  code: string;
  endDate: string;
  levelCode: string;
}

/** What happened to a published task after publication, as the demo shows it. */
export interface LifecyclePlan {
  /** An approved change (Mẫu 3) extending the end date, applied as revision 2. */
  change: { newEndDate: string; decisionDate: string; reason: string; decisionNo: string } | null;
  /** Official acceptance, when the (possibly extended) task has ended. */
  acceptance: { acceptedOn: string; rating: 'excellent' | 'pass' | 'fail'; decisionNo: string } | null;
  /** The registration dossier, if the lead organization has sent or started one. */
  registration: {
    status: 'draft' | 'submitted' | 'returned' | 'registered';
    /** Days after acceptance the dossier was first sent (may be past the 30-working-day window). */
    submittedAfterDays: number;
    /** Days after the first submission the authority registered it. */
    registeredAfterDays: number;
    returnComment: string | null;
    hasTechnologyProcess: boolean;
    /** Registered certificates revoked later (rare). */
    revoked: boolean;
  } | null;
}

const RETURN_COMMENTS = [
  'Biên bản nghiệm thu chưa có đủ chữ ký của Hội đồng, đề nghị bổ sung.',
  'Báo cáo tổng hợp chưa được tổ chức chủ trì xác nhận đã hoàn thiện sau nghiệm thu.',
  'Thiếu phiếu mô tả công nghệ (Mẫu 8) cho quy trình công nghệ là sản phẩm của nhiệm vụ.',
  'Báo cáo tóm tắt chưa đúng định dạng theo quy định, đề nghị nộp bản điện tử .docx.',
];
const CHANGE_REASONS = [
  'Gia hạn thời gian thực hiện do ảnh hưởng của thời tiết đến thí nghiệm đồng ruộng.',
  'Điều chỉnh tiến độ do chậm cấp kinh phí đợt 2.',
  'Gia hạn để hoàn thiện sản phẩm và thủ tục công bố kết quả.',
];

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * Decides, deterministically from the task code, what happened to a published task up to `today`: about 12 % had an
 * approved extension; ended tasks were accepted within three months (a few not yet recorded); accepted tasks mostly
 * registered their results (some late, some returned once, some dossiers still open or never sent).
 */
export function planLifecycle(t: LifecycleTask, today: string, seed: number): LifecyclePlan {
  const rng = createRng((seed ^ 0x51fe) + fnv1a(t.code));
  let endDate = t.endDate;
  let change: LifecyclePlan['change'] = null;
  if (rng.next() < 0.12) {
    const decisionDate = addMonths(t.endDate, -2);
    if (decisionDate < today) {
      endDate = addMonths(t.endDate, rng.int(3, 9));
      change = { newEndDate: endDate, decisionDate, reason: rng.pick(CHANGE_REASONS), decisionNo: `${rng.int(100, 2999)}/QĐ-GH` };
    }
  }
  const acceptedOn = addDays(endDate, rng.int(15, 90));
  if (acceptedOn >= today || rng.next() < 0.05) return { change, acceptance: null, registration: null };
  const ratingRoll = rng.next();
  const acceptance = { acceptedOn, rating: ratingRoll < 0.2 ? 'excellent' : ratingRoll < 0.97 ? 'pass' : 'fail', decisionNo: `${rng.int(100, 2999)}/QĐ-NT` } as const;
  if (acceptance.rating === 'fail') return { change, acceptance, registration: null };
  const roll = rng.next();
  const submittedAfterDays = rng.next() < 0.8 ? rng.int(10, 40) : rng.int(45, 120);
  const registeredAfterDays = rng.int(5, 20);
  const sentOn = addDays(acceptedOn, submittedAfterDays);
  const registeredOn = addDays(sentOn, registeredAfterDays);
  const base = { submittedAfterDays, registeredAfterDays, returnComment: null, hasTechnologyProcess: rng.next() < 0.3, revoked: false };
  if (sentOn >= today) return { change, acceptance, registration: rng.next() < 0.5 ? { ...base, status: 'draft' } : null };
  if (registeredOn >= today || roll < 0.06) return { change, acceptance, registration: rng.next() < 0.6 ? { ...base, status: 'submitted' } : { ...base, status: 'returned', returnComment: rng.pick(RETURN_COMMENTS) } };
  if (roll < 0.1) return { change, acceptance, registration: null }; // never sent: overdue
  return { change, acceptance, registration: { ...base, status: 'registered', returnComment: rng.next() < 0.25 ? rng.pick(RETURN_COMMENTS) : null, revoked: rng.next() < 0.01 } };
}
