import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, MIDDLE_NAMES_FEMALE, MIDDLE_NAMES_MALE, TOPICS } from './data/vn-names.js';
import { createRng, type Rng, type SeedScale } from './generator.js';

/** What the task generator needs to know about a lead organization. */
export interface TaskOrg {
  id: string;
  managingUnitId: string;
  managingUnitKind: 'ministry' | 'province';
  placeVi: string;
  mainFieldCode: string;
}

/** A generated task with the status it should end in. */
export interface TaskSeed {
  index: number;
  code: string;
  titleVi: string;
  levelCode: 'QG' | 'BO' | 'TINH' | 'CS';
  formCode: 'DT' | 'DA_SXTN' | 'DA_KHCN' | 'DAN';
  fundingType: 'NSNN' | 'NON_NSNN' | 'FUND';
  managingUnitId: string;
  leadOrganizationId: string;
  piName: string;
  members: string[];
  fieldCode2025: string;
  contractNo: string;
  contractDate: string;
  approvalDecisionNo: string;
  startDate: string;
  endDate: string;
  budgetTotal: number;
  budgetStateCentral: number;
  budgetStateLocal: number;
  budgetOther: number;
  objectives: string;
  content: string;
  methods: string;
  expectedProducts: string;
  applicationPlan: string;
  status: 'draft' | 'submitted' | 'returned' | 'published';
  reviewComment: string | null;
}

/** Tasks per scale (about 5,200 tasks a year are registered nationally; the demo holds a few recent years of a sample). */
export function taskCount(scale: SeedScale): number {
  return { test: 40, demo: 900, '10k': 1_500, '100k': 15_000, '1m': 100_000 }[scale];
}

const ACTIONS = ['Nghiên cứu', 'Nghiên cứu ứng dụng', 'Nghiên cứu phát triển', 'Xây dựng mô hình ứng dụng', 'Hoàn thiện công nghệ', 'Đánh giá và đề xuất giải pháp phát triển'];
const PURPOSES = [
  'nhằm nâng cao năng suất và chất lượng sản phẩm',
  'phục vụ phát triển kinh tế - xã hội',
  'thích ứng với biến đổi khí hậu',
  'phục vụ chuyển đổi số',
  'góp phần bảo vệ môi trường',
  'nâng cao hiệu quả quản lý nhà nước',
];
const STATES = ['draft', 'submitted', 'returned', 'published'] as const;
const RETURN_COMMENTS = [
  'Đề nghị bổ sung phương pháp nghiên cứu và kế hoạch ứng dụng kết quả.',
  'Mã lĩnh vực chưa phù hợp với nội dung nghiên cứu, đề nghị rà soát.',
  'Thiếu số, ngày hợp đồng thực hiện nhiệm vụ.',
  'Đề nghị ghi rõ sản phẩm dự kiến và các chỉ tiêu kinh tế - kỹ thuật.',
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function personName(rng: Rng): string {
  const female = rng.next() < 0.45;
  const family = rng.weighted(FAMILY_NAMES, (n) => n.weight).value;
  const middle = rng.weighted(female ? MIDDLE_NAMES_FEMALE : MIDDLE_NAMES_MALE, (n) => n.weight).value;
  const given = rng.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE);
  return `${family} ${middle} ${given}`;
}

/**
 * Streams deterministic S&T tasks led by the given organizations (in their given order), spread over
 * 2021–2026 and over every review state: about 65 % published, 15 % submitted, 10 % returned, 10 % draft.
 * National-level tasks (about 8 %) are registered at `nationalUnitId`.
 */
export function* generateTasks(opts: { seed: number; count: number; orgs: readonly TaskOrg[]; nationalUnitId: string }): Generator<TaskSeed> {
  if (opts.orgs.length === 0) return;
  for (let index = 1; index <= opts.count; index += 1) {
    const rng = createRng((opts.seed ^ 0x7a5c) + index * 2654435761);
    const org = opts.orgs[rng.int(0, opts.orgs.length - 1)] as TaskOrg;
    const sameField = TOPICS.filter((t) => t.fieldCode === org.mainFieldCode);
    const topic = sameField.length && rng.next() < 0.8 ? rng.pick(sameField) : rng.pick(TOPICS);
    const national = rng.next() < 0.08;
    const levelCode: TaskSeed['levelCode'] = national ? 'QG' : rng.next() < 0.3 ? 'CS' : org.managingUnitKind === 'ministry' ? 'BO' : 'TINH';
    const formRoll = rng.next();
    const formCode: TaskSeed['formCode'] = formRoll < 0.7 ? 'DT' : formRoll < 0.82 ? 'DA_SXTN' : formRoll < 0.92 ? 'DA_KHCN' : 'DAN';
    // the first four tasks take the four states, so even the smallest dataset shows each of them
    const forced = index <= STATES.length ? (STATES[index - 1] as TaskSeed['status']) : null;
    const year = forced && forced !== 'published' ? 2026 : 2021 + rng.int(0, 5);
    const contractDate = `${year}-${pad(rng.int(1, 11), 2)}-${pad(rng.int(1, 28), 2)}`;
    const startDate = addMonths(contractDate, 1).slice(0, 8) + '01';
    const endDate = addMonths(startDate, rng.int(12, 36));
    const budgetTotal = rng.int(3, 120) * 50;
    const other = levelCode === 'CS' ? Math.round(budgetTotal * 0.3) : Math.round(budgetTotal * rng.int(0, 20) / 100);
    const state = budgetTotal - other;
    const central = national || levelCode === 'BO' ? state : 0;
    const roll = rng.next();
    const status: TaskSeed['status'] = forced ?? (year <= 2024 || roll < 0.65 ? 'published' : roll < 0.8 ? 'submitted' : roll < 0.9 ? 'returned' : 'draft');
    const formLabel = formCode === 'DT' ? 'ĐT' : formCode === 'DAN' ? 'ĐA' : 'DA';
    const title = `${rng.pick(ACTIONS)} ${topic.vi.charAt(0).toLowerCase()}${topic.vi.slice(1)} ${rng.pick(PURPOSES)} tại ${org.placeVi}`;
    yield {
      index,
      code: `${formLabel}-${year}-${topic.fieldCode}-${pad(index, 6)}`,
      titleVi: title,
      levelCode,
      formCode,
      fundingType: rng.next() < 0.9 ? 'NSNN' : 'FUND',
      managingUnitId: national ? opts.nationalUnitId : org.managingUnitId,
      leadOrganizationId: org.id,
      piName: `${rng.next() < 0.4 ? 'PGS.TS. ' : 'TS. '}${personName(rng)}`,
      members: Array.from({ length: rng.int(2, 8) }, () => personName(rng)),
      fieldCode2025: topic.fieldCode,
      contractNo: `${rng.int(1, 99)}/${year}/HĐ-KHCN`,
      contractDate,
      approvalDecisionNo: `${rng.int(100, 3999)}/QĐ-${national ? 'BKHCN' : org.managingUnitKind === 'ministry' ? 'BNV' : 'UBND'}`,
      startDate,
      endDate,
      budgetTotal,
      budgetStateCentral: central,
      budgetStateLocal: state - central,
      budgetOther: other,
      objectives: `Làm chủ và ứng dụng ${topic.vi.toLowerCase()} ${rng.pick(PURPOSES)}.`,
      content: `Khảo sát, đánh giá hiện trạng; nghiên cứu giải pháp ${topic.vi.toLowerCase()}; xây dựng mô hình thử nghiệm tại ${org.placeVi}; đánh giá hiệu quả và hoàn thiện quy trình.`,
      methods: 'Điều tra, khảo sát thực địa; thực nghiệm có đối chứng; phân tích thống kê; tham vấn chuyên gia.',
      expectedProducts: `${rng.int(1, 3)} quy trình công nghệ; ${rng.int(1, 4)} bài báo khoa học; báo cáo tổng hợp và báo cáo tóm tắt.`,
      applicationPlan: `Chuyển giao kết quả cho các đơn vị sản xuất tại ${org.placeVi}.`,
      status,
      reviewComment: status === 'returned' ? rng.pick(RETURN_COMMENTS) : null,
    };
  }
}
