import { defineForm, type FormDefinition } from '../form-definition.js';

/**
 * Grassroots S&T statistics forms of Circular 25/2015/TT-BKHCN ("Biểu 0x/CS-KHCN"), reporting period the calendar
 * year, sent to the provincial centre by 1 February. Layouts from domain-vn.md §4.3 (a replica of the forms; row
 * hierarchies of form 03 are read from the row labels, [GK]). Forms 01 (general information: not a grid), 05 and 06
 * are not defined yet.
 */

const REGULATION = 'Thông tư 25/2015/TT-BKHCN quy định chế độ báo cáo thống kê cơ sở về khoa học và công nghệ';
const VERSION = 'TT25-2015';
const VALID_FROM = '2016-01-01';
const VALID_TO = '2018-12-31';

/** The six fields of S&T (level 1 of the classification, the same in 2008 and 2025). */
const FIELDS: [string, string, string][] = [
  ['1', 'Khoa học tự nhiên', 'Natural sciences'],
  ['2', 'Khoa học kỹ thuật và công nghệ', 'Engineering and technology'],
  ['3', 'Khoa học y, dược', 'Medical and health sciences'],
  ['4', 'Khoa học nông nghiệp', 'Agricultural sciences'],
  ['5', 'Khoa học xã hội', 'Social sciences'],
  ['6', 'Khoa học nhân văn', 'Humanities'],
];

const common = { severity: 'error' as const };
const nonNegative = { id: 'non_negative', kind: 'non_negative' as const, messageVi: 'Số liệu không được âm.', messageEn: 'Values cannot be negative.', ...common };
const wholeNumber = { id: 'whole_number', kind: 'whole_number' as const, messageVi: 'Số người, số lượng phải là số nguyên.', messageEn: 'Persons and counts must be whole numbers.', ...common };

const pad = (n: number) => String(n).padStart(2, '0');

/** Biểu 02/CS-KHCN: S&T human resources by qualification and title. */
export const FORM_02_CS_2015: FormDefinition = defineForm({
  code: '02/CS-KHCN',
  version: VERSION,
  regulationVi: REGULATION,
  validFrom: VALID_FROM,
  validTo: VALID_TO,
  reportingLevel: 'unit',
  titleVi: 'Nhân lực hoạt động khoa học và công nghệ',
  titleEn: 'Human resources in S&T activities',
  dataflow: 'DF_ST_PERS',
  columns: [
    { code: 'C1', labelVi: 'Tổng số', labelEn: 'Total', unit: 'person', dims: { QUALIFICATION: '_T' } },
    { code: 'C2', labelVi: 'Tiến sĩ', labelEn: 'Doctorate', unit: 'person', dims: { QUALIFICATION: 'TS' } },
    { code: 'C3', labelVi: 'Thạc sĩ', labelEn: "Master's", unit: 'person', dims: { QUALIFICATION: 'THS' } },
    { code: 'C4', labelVi: 'Đại học', labelEn: "Bachelor's", unit: 'person', dims: { QUALIFICATION: 'DH' } },
    { code: 'C5', labelVi: 'Cao đẳng', labelEn: 'College', unit: 'person', dims: { QUALIFICATION: 'CD' } },
    { code: 'C6', labelVi: 'Trung cấp', labelEn: 'Vocational', unit: 'person', dims: { QUALIFICATION: 'TC' } },
    { code: 'C7', labelVi: 'Khác', labelEn: 'Other', unit: 'person', dims: { QUALIFICATION: 'OTH' } },
    { code: 'C8', labelVi: 'Trong đó: Giáo sư', labelEn: 'Of which: professors', unit: 'person', dims: { QUALIFICATION: '_T', TITLE: 'GS' } },
    { code: 'C9', labelVi: 'Trong đó: Phó giáo sư', labelEn: 'Of which: associate professors', unit: 'person', dims: { QUALIFICATION: '_T', TITLE: 'PGS' } },
  ],
  rows: [
    { code: '01', labelVi: 'Tổng số', labelEn: 'Total' },
    { code: '02', labelVi: 'Trong đó: nữ', labelEn: 'Of which: women', parent: '01', relation: 'of_which', dims: { SEX: 'F' } },
    { code: '03', labelVi: 'Người Việt Nam', labelEn: 'Vietnamese', parent: '01', relation: 'breakdown', dims: { NATIONALITY: 'VN' } },
    { code: '04', labelVi: 'Dân tộc Kinh', labelEn: 'Kinh ethnicity', parent: '03', relation: 'breakdown', dims: { NATIONALITY: 'VN', ETHNICITY: 'KINH' } },
    { code: '05', labelVi: 'Dân tộc thiểu số', labelEn: 'Ethnic minorities', parent: '03', relation: 'breakdown', dims: { NATIONALITY: 'VN', ETHNICITY: 'MINORITY' } },
    { code: '06', labelVi: 'Người nước ngoài', labelEn: 'Foreigners', parent: '01', relation: 'breakdown', dims: { NATIONALITY: 'FOREIGN' } },
    ...FIELDS.map(([f, vi, en], i) => ({ code: pad(7 + i), labelVi: `Lĩnh vực đào tạo: ${vi}`, labelEn: `Field of training: ${en}`, parent: '01', relation: 'breakdown' as const, dims: { TRAINING_FIELD: f } })),
    { code: '13', labelVi: 'Lĩnh vực đào tạo khác', labelEn: 'Other fields of training', parent: '01', relation: 'breakdown', dims: { TRAINING_FIELD: 'OTH' } },
  ],
  rules: [
    { id: 'qualification_sum', kind: 'column_sum', total: 'C1', parts: ['C2', 'C3', 'C4', 'C5', 'C6', 'C7'], messageVi: 'Tổng số phải bằng tổng theo trình độ.', messageEn: 'The total must equal the sum by qualification.', ...common },
    { id: 'professors_lte_total', kind: 'column_lte', part: 'C8', total: 'C1', messageVi: 'Số giáo sư không vượt quá tổng số.', messageEn: 'Professors cannot exceed the total.', ...common },
    { id: 'assoc_professors_lte_total', kind: 'column_lte', part: 'C9', total: 'C1', messageVi: 'Số phó giáo sư không vượt quá tổng số.', messageEn: 'Associate professors cannot exceed the total.', ...common },
    { id: 'women_lte_total', kind: 'row_lte', part: '02', total: '01', messageVi: 'Số nữ không vượt quá tổng số.', messageEn: 'Women cannot exceed the total.', ...common },
    { id: 'nationality_sum', kind: 'row_sum', total: '01', parts: ['03', '06'], messageVi: 'Tổng số phải bằng người Việt Nam cộng người nước ngoài.', messageEn: 'The total must equal Vietnamese plus foreigners.', ...common },
    { id: 'ethnicity_sum', kind: 'row_sum', total: '03', parts: ['04', '05'], messageVi: 'Người Việt Nam phải bằng tổng theo dân tộc.', messageEn: 'Vietnamese must equal the sum by ethnicity.', ...common },
    { id: 'training_field_sum', kind: 'row_sum', total: '01', parts: ['07', '08', '09', '10', '11', '12', '13'], messageVi: 'Tổng số phải bằng tổng theo lĩnh vực đào tạo.', messageEn: 'The total must equal the sum by field of training.', ...common },
    nonNegative,
    wholeNumber,
  ],
});

const FUNDING_COLUMNS = [
  { code: 'C1', labelVi: 'Tổng số', labelEn: 'Total', unit: 'million_vnd' as const, dims: { FUNDING: '_T' } },
  { code: 'C2', labelVi: 'Ngân sách nhà nước trung ương', labelEn: 'Central state budget', unit: 'million_vnd' as const, dims: { FUNDING: 'NSNN_TW' } },
  { code: 'C3', labelVi: 'Ngân sách nhà nước địa phương', labelEn: 'Local state budget', unit: 'million_vnd' as const, dims: { FUNDING: 'NSNN_DP' } },
  { code: 'C4', labelVi: 'Ngoài ngân sách nhà nước', labelEn: 'Non-state sources', unit: 'million_vnd' as const, dims: { FUNDING: 'NON_NSNN' } },
  { code: 'C5', labelVi: 'Nước ngoài', labelEn: 'Foreign', unit: 'million_vnd' as const, dims: { FUNDING: 'FOREIGN' } },
];

/** Biểu 03/CS-KHCN: S&T expenditure (million VND) by purpose and source. */
export const FORM_03_CS_2015: FormDefinition = defineForm({
  code: '03/CS-KHCN',
  version: VERSION,
  regulationVi: REGULATION,
  validFrom: VALID_FROM,
  validTo: VALID_TO,
  reportingLevel: 'unit',
  titleVi: 'Chi cho khoa học và công nghệ',
  titleEn: 'Expenditure on S&T',
  dataflow: 'DF_ST_EXP',
  columns: FUNDING_COLUMNS,
  rows: [
    { code: '01', labelVi: 'Tổng chi cho KH&CN', labelEn: 'Total S&T expenditure', dims: { PURPOSE: '_T' } },
    { code: '02', labelVi: 'Chi đầu tư phát triển KH&CN', labelEn: 'Development investment', parent: '01', relation: 'breakdown', dims: { PURPOSE: 'INVEST' } },
    { code: '03', labelVi: 'Chi sự nghiệp KH&CN', labelEn: 'Recurrent S&T expenditure', parent: '01', relation: 'breakdown', dims: { PURPOSE: 'RECURRENT' } },
    { code: '04', labelVi: 'Quỹ lương và hoạt động bộ máy', labelEn: 'Salaries and running costs', parent: '03', relation: 'breakdown', dims: { PURPOSE: 'STAFF' } },
    { code: '05', labelVi: 'Lương, phụ cấp', labelEn: 'Salaries and allowances', parent: '04', relation: 'breakdown', dims: { PURPOSE: 'SALARY' } },
    { code: '06', labelVi: 'Hoạt động bộ máy', labelEn: 'Running costs', parent: '04', relation: 'breakdown', dims: { PURPOSE: 'RUNNING' } },
    { code: '07', labelVi: 'Hoạt động thường xuyên theo chức năng', labelEn: 'Regular functional activities', parent: '03', relation: 'breakdown', dims: { PURPOSE: 'FUNCTION' } },
    { code: '08', labelVi: 'Thực hiện nhiệm vụ KH&CN', labelEn: 'S&T tasks', parent: '03', relation: 'breakdown', dims: { PURPOSE: 'TASKS' } },
    { code: '09', labelVi: 'Nhiệm vụ cấp quốc gia', labelEn: 'National-level tasks', parent: '08', relation: 'breakdown', dims: { PURPOSE: 'TASKS', TASK_LEVEL: 'QG' } },
    { code: '10', labelVi: 'Nhiệm vụ cấp bộ', labelEn: 'Ministry-level tasks', parent: '08', relation: 'breakdown', dims: { PURPOSE: 'TASKS', TASK_LEVEL: 'BO' } },
    { code: '11', labelVi: 'Nhiệm vụ cấp tỉnh', labelEn: 'Provincial tasks', parent: '08', relation: 'breakdown', dims: { PURPOSE: 'TASKS', TASK_LEVEL: 'TINH' } },
    { code: '12', labelVi: 'Nhiệm vụ cấp cơ sở', labelEn: 'Grassroots tasks', parent: '08', relation: 'breakdown', dims: { PURPOSE: 'TASKS', TASK_LEVEL: 'CS' } },
    { code: '13', labelVi: 'Nhiệm vụ khác', labelEn: 'Other tasks', parent: '08', relation: 'breakdown', dims: { PURPOSE: 'TASKS', TASK_LEVEL: 'KHAC' } },
    { code: '14', labelVi: 'Tăng cường năng lực nghiên cứu', labelEn: 'Research capacity building', parent: '03', relation: 'breakdown', dims: { PURPOSE: 'CAPACITY' } },
    { code: '15', labelVi: 'Sửa chữa, chống xuống cấp', labelEn: 'Repairs and maintenance', parent: '03', relation: 'breakdown', dims: { PURPOSE: 'REPAIR' } },
    { code: '16', labelVi: 'Hợp tác quốc tế', labelEn: 'International cooperation', parent: '03', relation: 'breakdown', dims: { PURPOSE: 'INTL' } },
    { code: '17', labelVi: 'Chi sự nghiệp KH&CN khác', labelEn: 'Other recurrent S&T expenditure', parent: '03', relation: 'breakdown', dims: { PURPOSE: 'RECURRENT_OTH' } },
    { code: '18', labelVi: 'Chi khác cho KH&CN', labelEn: 'Other S&T expenditure', parent: '01', relation: 'breakdown', dims: { PURPOSE: 'OTH' } },
  ],
  rules: [
    { id: 'source_sum', kind: 'column_sum', total: 'C1', parts: ['C2', 'C3', 'C4', 'C5'], messageVi: 'Tổng số phải bằng tổng các nguồn.', messageEn: 'The total must equal the sum of the sources.', ...common },
    { id: 'total_sum', kind: 'row_sum', total: '01', parts: ['02', '03', '18'], messageVi: 'Tổng chi phải bằng chi đầu tư phát triển + chi sự nghiệp + chi khác.', messageEn: 'Total expenditure must equal investment + recurrent + other.', ...common },
    { id: 'recurrent_sum', kind: 'row_sum', total: '03', parts: ['04', '07', '08', '14', '15', '16', '17'], messageVi: 'Chi sự nghiệp phải bằng tổng các khoản chi sự nghiệp.', messageEn: 'Recurrent expenditure must equal the sum of its items.', ...common },
    { id: 'staff_sum', kind: 'row_sum', total: '04', parts: ['05', '06'], messageVi: 'Quỹ lương và bộ máy phải bằng lương cộng hoạt động bộ máy.', messageEn: 'Salaries and running costs must equal their two parts.', ...common },
    { id: 'tasks_sum', kind: 'row_sum', total: '08', parts: ['09', '10', '11', '12', '13'], messageVi: 'Chi thực hiện nhiệm vụ phải bằng tổng theo cấp nhiệm vụ.', messageEn: 'Task expenditure must equal the sum by task level.', ...common },
    nonNegative,
  ],
});

function taskBlock(start: number, kindVi: string, kindEn: string, kindCode: string) {
  const c = (n: number) => pad(start + n);
  const levels: [string, string, string][] = [
    ['QG', 'Cấp quốc gia', 'National'],
    ['BO', 'Cấp bộ', 'Ministry'],
    ['TINH', 'Cấp tỉnh', 'Provincial'],
    ['CS', 'Cấp cơ sở', 'Grassroots'],
    ['KHAC', 'Cấp khác', 'Other level'],
  ];
  const funding: [string, string, string][] = [
    ['NSNN', 'Ngân sách nhà nước', 'State budget'],
    ['NSNN_TW', 'Trong đó: trung ương', 'Of which: central'],
    ['NSNN_DP', 'Trong đó: địa phương', 'Of which: local'],
    ['BUSINESS', 'Doanh nghiệp', 'Business enterprises'],
    ['HIGHER_ED', 'Trường đại học', 'Higher education'],
    ['FOREIGN', 'Nước ngoài', 'Foreign'],
    ['OTH', 'Nguồn khác', 'Other sources'],
  ];
  const rows = [
    { code: c(0), labelVi: kindVi, labelEn: kindEn, dims: { TASK_KIND: kindCode } },
    ...levels.map(([l, vi, en], i) => ({ code: c(1 + i), labelVi: `${kindVi} — ${vi}`, labelEn: `${kindEn} — ${en}`, parent: c(0), relation: 'breakdown' as const, dims: { TASK_KIND: kindCode, TASK_LEVEL: l } })),
    ...FIELDS.map(([f, vi, en], i) => ({ code: c(6 + i), labelVi: `${kindVi} — ${vi}`, labelEn: `${kindEn} — ${en}`, parent: c(0), relation: 'breakdown' as const, dims: { TASK_KIND: kindCode, FIELD: f } })),
    ...funding.map(([f, vi, en], i) => ({
      code: c(12 + i),
      labelVi: `${kindVi} — ${vi}`,
      labelEn: `${kindEn} — ${en}`,
      parent: f === 'NSNN_TW' || f === 'NSNN_DP' ? c(12) : c(0),
      relation: 'breakdown' as const,
      dims: { TASK_KIND: kindCode, FUNDING: f },
    })),
  ];
  const rules = [
    { id: `${kindCode}_level_sum`, kind: 'row_sum' as const, total: c(0), parts: [1, 2, 3, 4, 5].map(c), messageVi: `Số ${kindVi.toLowerCase()} phải bằng tổng theo cấp quản lý.`, messageEn: `${kindEn} must equal the sum by level.`, ...common },
    { id: `${kindCode}_field_sum`, kind: 'row_sum' as const, total: c(0), parts: [6, 7, 8, 9, 10, 11].map(c), messageVi: `Số ${kindVi.toLowerCase()} phải bằng tổng theo lĩnh vực.`, messageEn: `${kindEn} must equal the sum by field.`, ...common },
    { id: `${kindCode}_funding_sum`, kind: 'row_sum' as const, total: c(0), parts: [12, 15, 16, 17, 18].map(c), messageVi: `Số ${kindVi.toLowerCase()} phải bằng tổng theo nguồn kinh phí.`, messageEn: `${kindEn} must equal the sum by source of funds.`, ...common },
    { id: `${kindCode}_state_budget_sum`, kind: 'row_sum' as const, total: c(12), parts: [13, 14].map(c), messageVi: 'Ngân sách nhà nước phải bằng trung ương cộng địa phương.', messageEn: 'State budget must equal central plus local.', ...common },
  ];
  return { rows, rules };
}

const projects = taskBlock(1, 'Đề tài, đề án', 'Research projects and schemes', 'DT');
const pilots = taskBlock(20, 'Dự án', 'Projects', 'DA');

/** Biểu 04/CS-KHCN: S&T tasks by level, field and source of funds. */
export const FORM_04_CS_2015: FormDefinition = defineForm({
  code: '04/CS-KHCN',
  version: VERSION,
  regulationVi: REGULATION,
  validFrom: VALID_FROM,
  validTo: VALID_TO,
  reportingLevel: 'unit',
  titleVi: 'Nhiệm vụ khoa học và công nghệ',
  titleEn: 'S&T tasks',
  dataflow: 'DF_ST_TASK',
  columns: [
    { code: 'C1', labelVi: 'Tổng số', labelEn: 'Total', unit: 'count', dims: { TASK_STAGE: '_T' } },
    { code: 'C2', labelVi: 'Trong đó: chủ nhiệm là nữ', labelEn: 'Of which: led by a woman', unit: 'count', dims: { TASK_STAGE: '_T', PI_SEX: 'F' } },
    { code: 'C3', labelVi: 'Đang tiến hành: phê duyệt mới trong năm', labelEn: 'Ongoing: approved this year', unit: 'count', dims: { TASK_STAGE: 'NEW' } },
    { code: 'C4', labelVi: 'Đang tiến hành: chuyển tiếp từ năm trước', labelEn: 'Ongoing: continued from last year', unit: 'count', dims: { TASK_STAGE: 'CONTINUED' } },
    { code: 'C5', labelVi: 'Số được nghiệm thu', labelEn: 'Accepted', unit: 'count', dims: { TASK_STAGE: 'ACCEPTED' } },
    { code: 'C6', labelVi: 'Số đã đưa vào ứng dụng', labelEn: 'Applied', unit: 'count', dims: { TASK_STAGE: 'APPLIED' } },
  ],
  rows: [...projects.rows, ...pilots.rows],
  rules: [
    { id: 'woman_led_lte_total', kind: 'column_lte', part: 'C2', total: 'C1', messageVi: 'Số nhiệm vụ do nữ chủ nhiệm không vượt quá tổng số.', messageEn: 'Woman-led tasks cannot exceed the total.', ...common },
    { id: 'new_lte_total', kind: 'column_lte', part: 'C3', total: 'C1', messageVi: 'Số nhiệm vụ mới không vượt quá tổng số.', messageEn: 'New tasks cannot exceed the total.', ...common },
    { id: 'continued_lte_total', kind: 'column_lte', part: 'C4', total: 'C1', messageVi: 'Số nhiệm vụ chuyển tiếp không vượt quá tổng số.', messageEn: 'Continued tasks cannot exceed the total.', ...common },
    { id: 'accepted_lte_total', kind: 'column_lte', part: 'C5', total: 'C1', messageVi: 'Số nhiệm vụ được nghiệm thu không vượt quá tổng số.', messageEn: 'Accepted tasks cannot exceed the total.', ...common },
    ...projects.rules,
    ...pilots.rules,
    nonNegative,
    wholeNumber,
  ],
});
