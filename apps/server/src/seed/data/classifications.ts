/**
 * Versioned classification schemes (code lists) and crosswalks used by the S&T information system
 * (domain-vn §2.3, §2.4, §5). Every label is NFC-normalised when the module loads.
 *
 * Hypotheses are stated in each scheme's `note`; `[GK]` = general knowledge, to verify.
 */

/** One code of a classification scheme. */
export interface ClassificationCodeSeed {
  /** Code within the scheme (e.g. '101', '13.3.1', 'NSNN_TW'). */
  code: string;
  /** Vietnamese label. */
  labelVi: string;
  /** English label. */
  labelEn: string;
  /** Parent code within the same scheme, or null for top-level codes. */
  parentCode: string | null;
  /** Depth, 1 = top level. */
  level: number;
}

/** A classification scheme (one version of a code list) with its codes. */
export interface ClassificationSchemeSeed {
  /** Scheme code, e.g. 'FOS2008', 'FOS2025', 'ORG_TYPE'. */
  code: string;
  /** Vietnamese name. */
  nameVi: string;
  /** English name. */
  nameEn: string;
  /** Version label. */
  version: string;
  /** Legal basis (instrument number). */
  legalBasis: string;
  /** First valid day, or null when not time-bound. */
  validFrom: string | null;
  /** Last valid day (inclusive), or null when still valid. */
  validTo: string | null;
  /** Provenance and what is a hypothesis. */
  note: string | null;
  /** Codes of the scheme. */
  codes: readonly ClassificationCodeSeed[];
}

/** A mapping between codes of two schemes. */
export interface CrosswalkSeed {
  /** Source scheme code. */
  fromScheme: string;
  /** Source code. */
  fromCode: string;
  /** Target scheme code. */
  toScheme: string;
  /** Target code. */
  toCode: string;
  /** SKOS-like relation of the target to the source. */
  relation: 'exact' | 'broader' | 'narrower' | 'related';
}

const nfc = (s: string): string => s.normalize('NFC');

type CodeRow = readonly [code: string, labelVi: string, labelEn: string, parentCode?: string | null];

/** Builds codes; level is derived from the parent chain. */
function codes(rows: readonly CodeRow[]): readonly ClassificationCodeSeed[] {
  const levels = new Map<string, number>();
  const out: ClassificationCodeSeed[] = [];
  for (const [code, labelVi, labelEn, parent] of rows) {
    const parentCode = parent ?? null;
    const level = parentCode === null ? 1 : (levels.get(parentCode) ?? 0) + 1;
    if (parentCode !== null && !levels.has(parentCode)) {
      throw new Error(`classification code ${code}: parent ${parentCode} must precede it`);
    }
    levels.set(code, level);
    out.push(Object.freeze({ code, labelVi: nfc(labelVi), labelEn, parentCode, level }));
  }
  return Object.freeze(out);
}

// ---------------------------------------------------------------------------
// Fields of S&T (lĩnh vực KH&CN)
// ---------------------------------------------------------------------------

/** Level-1 fields (identical in QĐ 12/2008 and TT 24/2025). */
const FOS_L1: readonly CodeRow[] = [
  ['1', 'Khoa học tự nhiên', 'Natural sciences'],
  ['2', 'Khoa học kỹ thuật và công nghệ', 'Engineering and technology'],
  ['3', 'Khoa học y, dược', 'Medical and health sciences'],
  ['4', 'Khoa học nông nghiệp', 'Agricultural sciences'],
  ['5', 'Khoa học xã hội', 'Social sciences'],
  ['6', 'Khoa học nhân văn', 'Humanities'],
];

/** Level-2 sectors of QĐ 12/2008 (aligned with OECD FOS 2007); parent = first digit. */
const FOS_L2: readonly CodeRow[] = (
  [
    ['101', 'Toán học và thống kê', 'Mathematics and statistics'],
    ['102', 'Khoa học máy tính và thông tin', 'Computer and information sciences'],
    ['103', 'Vật lý', 'Physical sciences'],
    ['104', 'Hóa học', 'Chemical sciences'],
    ['105', 'Các khoa học trái đất và môi trường liên quan', 'Earth and related environmental sciences'],
    ['106', 'Sinh học', 'Biological sciences'],
    ['199', 'Khoa học tự nhiên khác', 'Other natural sciences'],
    ['201', 'Kỹ thuật dân dụng', 'Civil engineering'],
    ['202', 'Kỹ thuật điện, kỹ thuật điện tử, kỹ thuật thông tin', 'Electrical engineering, electronic engineering, information engineering'],
    ['203', 'Kỹ thuật cơ khí', 'Mechanical engineering'],
    ['204', 'Kỹ thuật hóa học', 'Chemical engineering'],
    ['205', 'Kỹ thuật vật liệu và luyện kim', 'Materials engineering and metallurgy'],
    ['206', 'Kỹ thuật y học', 'Medical engineering'],
    ['207', 'Kỹ thuật môi trường', 'Environmental engineering'],
    ['208', 'Công nghệ sinh học môi trường', 'Environmental biotechnology'],
    ['209', 'Công nghệ sinh học công nghiệp', 'Industrial biotechnology'],
    ['210', 'Công nghệ nano', 'Nanotechnology'],
    ['211', 'Kỹ thuật thực phẩm và đồ uống', 'Food and beverage engineering'],
    ['299', 'Khoa học kỹ thuật và công nghệ khác', 'Other engineering and technologies'],
    ['301', 'Y học cơ sở', 'Basic medicine'],
    ['302', 'Y học lâm sàng', 'Clinical medicine'],
    ['303', 'Dược học', 'Pharmacy'],
    ['304', 'Công nghệ sinh học trong y học', 'Medical biotechnology'],
    ['305', 'Khoa học sức khỏe', 'Health sciences'],
    ['399', 'Khoa học y, dược khác', 'Other medical and health sciences'],
    ['401', 'Trồng trọt', 'Crop science'],
    ['402', 'Chăn nuôi', 'Animal and dairy science'],
    ['403', 'Thú y', 'Veterinary science'],
    ['404', 'Lâm nghiệp', 'Forestry'],
    ['405', 'Thủy sản', 'Fisheries'],
    ['406', 'Công nghệ sinh học trong nông nghiệp', 'Agricultural biotechnology'],
    ['499', 'Khoa học nông nghiệp khác', 'Other agricultural sciences'],
    ['501', 'Tâm lý học', 'Psychology'],
    ['502', 'Kinh tế và kinh doanh', 'Economics and business'],
    ['503', 'Khoa học giáo dục', 'Educational sciences'],
    ['504', 'Xã hội học', 'Sociology'],
    ['505', 'Pháp luật', 'Law'],
    ['506', 'Khoa học chính trị', 'Political science'],
    ['507', 'Địa lý kinh tế và xã hội', 'Social and economic geography'],
    ['508', 'Thông tin đại chúng và truyền thông', 'Media and communications'],
    ['599', 'Khoa học xã hội khác', 'Other social sciences'],
    ['601', 'Lịch sử và khảo cổ học', 'History and archaeology'],
    ['602', 'Ngôn ngữ học và văn học', 'Languages and literature'],
    ['603', 'Triết học, đạo đức học và tôn giáo', 'Philosophy, ethics and religion'],
    ['604', 'Nghệ thuật', 'Arts'],
    ['699', 'Khoa học nhân văn khác', 'Other humanities'],
  ] as const
).map(([code, vi, en]) => [code, vi, en, code.slice(0, 1)] as const);

/** Level-3 specialties of QĐ 12/2008 confirmed by published NASATI records [S24]. */
const FOS2008_L3: readonly CodeRow[] = [
  ['30218', 'Nội tiết và chuyển hoá', 'Endocrinology and metabolism', '302'],
  ['30219', 'Tiêu hoá và gan mật học', 'Gastroenterology and hepatology', '302'],
  ['40107', 'Bảo quản và chế biến nông sản', 'Post-harvest preservation and processing of agricultural products', '401'],
];

// ---------------------------------------------------------------------------
// Schemes
// ---------------------------------------------------------------------------

const SCHEMES: readonly ClassificationSchemeSeed[] = [
  {
    code: 'FOS2008',
    nameVi: 'Bảng phân loại lĩnh vực nghiên cứu khoa học và phát triển công nghệ (2008)',
    nameEn: 'Classification of fields of science and technology (2008)',
    version: '2008',
    legalBasis: 'QĐ 12/2008/QĐ-BKHCN',
    validFrom: '2008-09-04',
    validTo: '2025-12-14',
    note:
      'Decision of 2008-09-04 (validFrom = signature date; effective date not retrieved). Level 1 confirmed; ' +
      'level-2 labels follow the OECD FOS 2007 alignment [GK]; only three level-3 codes are included (30218, 30219, 40107, confirmed by NASATI 2019 records). ' +
      'Repealed by TT 24/2025/TT-BKHCN from 2025-12-15.',
    codes: codes([...FOS_L1, ...FOS_L2, ...FOS2008_L3]),
  },
  {
    code: 'FOS2025',
    nameVi: 'Bảng phân loại lĩnh vực khoa học và công nghệ (2025)',
    nameEn: 'Classification of fields of science and technology (2025)',
    version: '2025',
    legalBasis: 'TT 24/2025/TT-BKHCN',
    validFrom: '2025-12-15',
    validTo: null,
    note:
      'Structure confirmed (4 levels: 6 fields, 46 sectors 101–699, 328 specialties, 1,780 sub-specialties); only levels 1–2 are seeded. ' +
      'HYPOTHESIS: the level-2 labels are copied from QĐ 12/2008 level 2 and must be verified against the circular.',
    codes: codes([...FOS_L1, ...FOS_L2]),
  },
  {
    code: 'ORG_TYPE',
    nameVi: 'Loại hình đơn vị',
    nameEn: 'Type of organisation',
    version: '2015',
    legalBasis: 'TT 25/2015/TT-BKHCN, Biểu 01 (grassroots statistical form)',
    validFrom: null,
    validTo: null,
    note: 'Categories confirmed via the statistical forms [S20][S22]; the sub-codes 13.3.x and 13.4.1–13.4.10 are numbered here in form order [GK].',
    codes: codes([
      ['13.1', 'Cơ quan quản lý nhà nước', 'State management agency'],
      ['13.2', 'Tổ chức nghiên cứu khoa học và phát triển công nghệ', 'Scientific research and technology development organisation'],
      ['13.3', 'Cơ sở giáo dục đại học', 'Higher education institution'],
      ['13.3.1', 'Đại học, trường đại học', 'University', '13.3'],
      ['13.3.2', 'Học viện', 'Academy', '13.3'],
      ['13.3.3', 'Trường cao đẳng', 'College', '13.3'],
      ['13.4', 'Tổ chức dịch vụ khoa học và công nghệ', 'Science and technology service organisation'],
      ['13.4.1', 'Thông tin, thư viện', 'Information and library services', '13.4'],
      ['13.4.2', 'Bảo tàng cho khoa học và công nghệ', 'Museums for science and technology', '13.4'],
      ['13.4.3', 'Dịch thuật, biên tập, xuất bản cho khoa học và công nghệ', 'Translation, editing and publishing for science and technology', '13.4'],
      ['13.4.4', 'Điều tra cơ bản định kỳ, thường xuyên', 'Periodic and routine baseline surveys', '13.4'],
      ['13.4.5', 'Thống kê, điều tra xã hội', 'Statistics and social surveys', '13.4'],
      ['13.4.6', 'Tiêu chuẩn, đo lường, chất lượng', 'Standards, metrology and quality', '13.4'],
      ['13.4.7', 'Tư vấn khoa học và công nghệ', 'Science and technology consultancy', '13.4'],
      ['13.4.8', 'Sở hữu trí tuệ', 'Intellectual property', '13.4'],
      ['13.4.9', 'Chuyển giao công nghệ', 'Technology transfer', '13.4'],
      ['13.4.10', 'Dịch vụ khoa học và công nghệ khác', 'Other science and technology services', '13.4'],
      ['13.5', 'Đơn vị sự nghiệp khác', 'Other public non-business unit'],
      ['13.6', 'Doanh nghiệp khoa học và công nghệ', 'Science and technology enterprise'],
      ['13.7', 'Doanh nghiệp', 'Enterprise'],
    ]),
  },
  {
    code: 'ECONOMIC_TYPE',
    nameVi: 'Loại hình kinh tế',
    nameEn: 'Type of economic ownership',
    version: '2015',
    legalBasis: 'TT 25/2015/TT-BKHCN, Biểu 01',
    validFrom: null,
    validTo: null,
    note: 'Confirmed via the statistical forms [S20][S22].',
    codes: codes([
      ['14.1', 'Nhà nước', 'State'],
      ['14.2', 'Ngoài nhà nước', 'Non-state'],
      ['14.3', 'Có vốn đầu tư nước ngoài', 'Foreign-invested'],
    ]),
  },
  {
    code: 'FOUNDING_AUTHORITY',
    nameVi: 'Cấp quyết định thành lập',
    nameEn: 'Founding authority',
    version: '2015',
    legalBasis: 'TT 25/2015/TT-BKHCN, Biểu 01',
    validFrom: null,
    validTo: null,
    note: 'Nine codes 8.1–8.9 confirmed via the statistical forms [S20].',
    codes: codes([
      ['8.1', 'Quốc hội, Ủy ban Thường vụ Quốc hội', 'National Assembly or its Standing Committee'],
      ['8.2', 'Chính phủ', 'Government'],
      ['8.3', 'Tòa án nhân dân tối cao', 'Supreme People’s Court'],
      ['8.4', 'Viện Kiểm sát nhân dân tối cao', 'Supreme People’s Procuracy'],
      ['8.5', 'Thủ tướng Chính phủ', 'Prime Minister'],
      ['8.6', 'Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ', 'Minister or head of a ministry-level or government agency'],
      ['8.7', 'Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương', 'Provincial People’s Committee'],
      ['8.8', 'Tổ chức chính trị, tổ chức chính trị - xã hội, tổ chức xã hội, tổ chức xã hội - nghề nghiệp', 'Political, socio-political, social or socio-professional organisation'],
      ['8.9', 'Doanh nghiệp, tổ chức khác, cá nhân', 'Enterprise, other organisation or individual'],
    ]),
  },
  {
    code: 'TASK_LEVEL',
    nameVi: 'Cấp quản lý nhiệm vụ',
    nameEn: 'Task management level',
    version: '2014',
    legalBasis: 'ND 08/2014/NĐ-CP Art 25–28',
    validFrom: null,
    validTo: null,
    note: 'Levels confirmed; the short codes are local identifiers [GK].',
    codes: codes([
      ['QG', 'Cấp quốc gia', 'National level'],
      ['BO', 'Cấp bộ', 'Ministry level'],
      ['TINH', 'Cấp tỉnh', 'Provincial level'],
      ['CS', 'Cấp cơ sở', 'Grassroots level'],
      ['KHAC', 'Khác', 'Other'],
    ]),
  },
  {
    code: 'TASK_FORM',
    nameVi: 'Hình thức nhiệm vụ khoa học và công nghệ',
    nameEn: 'Form of S&T task',
    version: '2014',
    legalBasis: 'Law 29/2013/QH13; ND 08/2014/NĐ-CP',
    validFrom: null,
    validTo: null,
    note: 'Forms of S&T tasks per the 2013 S&T law; the short codes are local identifiers [GK].',
    codes: codes([
      ['CT', 'Chương trình khoa học và công nghệ', 'S&T programme'],
      ['DT', 'Đề tài khoa học và công nghệ', 'Research project'],
      ['DA_SXTN', 'Dự án sản xuất thử nghiệm', 'Pilot production project'],
      ['DA_KHCN', 'Dự án khoa học và công nghệ', 'S&T project'],
      ['DAN', 'Đề án khoa học', 'Scientific scheme'],
      ['NDT', 'Nhiệm vụ hợp tác quốc tế theo nghị định thư', 'International cooperation task under a protocol'],
      ['DTCB', 'Nhiệm vụ điều tra cơ bản', 'Baseline survey task'],
      ['KHAC', 'Khác', 'Other'],
    ]),
  },
  {
    code: 'FUNDING_SOURCE',
    nameVi: 'Nguồn kinh phí',
    nameEn: 'Source of funds',
    version: '2015',
    legalBasis: 'TT 25/2015/TT-BKHCN; TT 15/2018/TT-BKHCN',
    validFrom: null,
    validTo: null,
    note: 'Statistical breakdown confirmed (NSNN TW / ĐP, DN, ĐH, nước ngoài, khác); short codes are local identifiers [GK].',
    codes: codes([
      ['NSNN', 'Ngân sách nhà nước', 'State budget'],
      ['NSNN_TW', 'Ngân sách nhà nước trung ương', 'Central state budget', 'NSNN'],
      ['NSNN_DP', 'Ngân sách nhà nước địa phương', 'Local state budget', 'NSNN'],
      ['DN', 'Doanh nghiệp', 'Business enterprises'],
      ['DH', 'Trường đại học', 'Higher education'],
      ['NN', 'Nước ngoài', 'Abroad'],
      ['KHAC', 'Nguồn khác', 'Other sources'],
    ]),
  },
  {
    code: 'QUALIFICATION',
    nameVi: 'Trình độ chuyên môn',
    nameEn: 'Qualification',
    version: '2015',
    legalBasis: 'TT 25/2015/TT-BKHCN',
    validFrom: null,
    validTo: null,
    note: 'Confirmed via the statistical forms [S20][S22].',
    codes: codes([
      ['TS', 'Tiến sĩ', 'Doctorate'],
      ['ThS', 'Thạc sĩ', 'Master'],
      ['DH', 'Đại học', 'Bachelor'],
      ['CD', 'Cao đẳng', 'College diploma'],
      ['TC', 'Trung cấp', 'Vocational secondary'],
      ['KHAC', 'Khác', 'Other'],
    ]),
  },
  {
    code: 'ACADEMIC_TITLE',
    nameVi: 'Chức danh khoa học',
    nameEn: 'Academic title',
    version: '2015',
    legalBasis: 'TT 25/2015/TT-BKHCN',
    validFrom: null,
    validTo: null,
    note: 'Confirmed via the statistical forms [S20][S22].',
    codes: codes([
      ['GS', 'Giáo sư', 'Professor'],
      ['PGS', 'Phó giáo sư', 'Associate professor'],
    ]),
  },
  {
    code: 'GENDER',
    nameVi: 'Giới tính',
    nameEn: 'Sex',
    version: '2015',
    legalBasis: 'TT 25/2015/TT-BKHCN',
    validFrom: null,
    validTo: null,
    note: null,
    codes: codes([
      ['M', 'Nam', 'Male'],
      ['F', 'Nữ', 'Female'],
    ]),
  },
  {
    code: 'ETHNICITY_GROUP',
    nameVi: 'Nhóm dân tộc',
    nameEn: 'Ethnic group',
    version: '2015',
    legalBasis: 'TT 25/2015/TT-BKHCN',
    validFrom: null,
    validTo: null,
    note: 'Statistical grouping confirmed (Kinh / minorities / foreigners) [S20][S22].',
    codes: codes([
      ['KINH', 'Kinh', 'Kinh'],
      ['DTTS', 'Dân tộc thiểu số', 'Ethnic minority'],
      ['NN', 'Người nước ngoài', 'Foreigner'],
    ]),
  },
  {
    code: 'SEO',
    nameVi: 'Mục tiêu kinh tế - xã hội',
    nameEn: 'Socio-economic objective',
    version: 'NABS2007',
    legalBasis: 'QĐ 12/2008/QĐ-BKHCN (table content not retrieved)',
    validFrom: null,
    validTo: null,
    note:
      'HYPOTHESIS: the Vietnamese socio-economic-objective table was not retrieved; this list follows the 14 chapters of Eurostat/OECD NABS 2007 ' +
      'with Vietnamese translations made here. Verify codes and labels against QĐ 12/2008 and its successor before use.',
    codes: codes([
      ['NABS01', 'Thăm dò và khai thác Trái Đất', 'Exploration and exploitation of the Earth'],
      ['NABS02', 'Môi trường', 'Environment'],
      ['NABS03', 'Thăm dò và khai thác vũ trụ', 'Exploration and exploitation of space'],
      ['NABS04', 'Giao thông, viễn thông và các cơ sở hạ tầng khác', 'Transport, telecommunication and other infrastructures'],
      ['NABS05', 'Năng lượng', 'Energy'],
      ['NABS06', 'Sản xuất và công nghệ công nghiệp', 'Industrial production and technology'],
      ['NABS07', 'Sức khỏe', 'Health'],
      ['NABS08', 'Nông nghiệp', 'Agriculture'],
      ['NABS09', 'Giáo dục', 'Education'],
      ['NABS10', 'Văn hóa, giải trí, tôn giáo và thông tin đại chúng', 'Culture, recreation, religion and mass media'],
      ['NABS11', 'Hệ thống, cấu trúc và quá trình chính trị - xã hội', 'Political and social systems, structures and processes'],
      ['NABS12', 'Phát triển tri thức chung: nghiên cứu từ quỹ chung của trường đại học', 'General advancement of knowledge: R&D financed from General University Funds'],
      ['NABS13', 'Phát triển tri thức chung: nghiên cứu từ các nguồn khác', 'General advancement of knowledge: R&D financed from other sources than GUF'],
      ['NABS14', 'Quốc phòng', 'Defence'],
    ]),
  },
];

/** All classification schemes (frozen). */
export const CLASSIFICATION_SCHEMES: readonly ClassificationSchemeSeed[] = Object.freeze(
  SCHEMES.map((s) =>
    Object.freeze({ ...s, nameVi: nfc(s.nameVi), legalBasis: nfc(s.legalBasis), note: s.note === null ? null : nfc(s.note) }),
  ),
);

function buildCrosswalks(): CrosswalkSeed[] {
  const out: CrosswalkSeed[] = [];
  for (const [code] of [...FOS_L1, ...FOS_L2]) {
    out.push({ fromScheme: 'FOS2008', fromCode: code, toScheme: 'FOS2025', toCode: code, relation: 'exact' });
  }
  for (const [code, , , parent] of FOS2008_L3) {
    if (parent === undefined || parent === null) continue;
    out.push({ fromScheme: 'FOS2008', fromCode: code, toScheme: 'FOS2025', toCode: parent, relation: 'broader' });
  }
  return out;
}

/**
 * Crosswalks FOS2008 → FOS2025: 'exact' for every level-1/level-2 code (hypothesis: unchanged codes),
 * 'broader' from the seeded 2008 level-3 codes to their 2025 level-2 parent.
 */
export const CROSSWALKS: readonly CrosswalkSeed[] = Object.freeze(buildCrosswalks().map((c) => Object.freeze(c)));

const SCHEME_BY_CODE = new Map(CLASSIFICATION_SCHEMES.map((s) => [s.code, s] as const));

/**
 * Looks up a scheme by its code.
 * @param code - Scheme code, e.g. 'FOS2025'.
 * @returns The scheme, or undefined when unknown.
 */
export function findScheme(code: string): ClassificationSchemeSeed | undefined {
  return SCHEME_BY_CODE.get(code);
}
