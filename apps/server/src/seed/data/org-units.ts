/**
 * Effective-dated organisational units of the S&T information network: the national focal point,
 * ministries / ministry-level agencies ("bộ, ngành") and provincial-level administrative units,
 * with the succession map of the 2025 restructuring (domain-vn §1, §6).
 *
 * Validity ranges are inclusive on both ends (`validTo` is the last valid day; null = still valid).
 * Tags in `source`: `[GK]` = general knowledge, to be verified against the legal text.
 */
import { asciiFold } from './vn-names.js';

/** Kind of organisational unit. */
export type OrgUnitKind = 'national' | 'ministry' | 'province';

/** One effective-dated version of an organisational unit. */
export interface OrgUnitSeed {
  /** Stable seed key, e.g. 'nat:nasati', 'min:bkhcn-2002', 'min:bkhcn', 'p63:01', 'p34:01'. */
  key: string;
  /** Unit kind. */
  kind: OrgUnitKind;
  /** Official code: province administrative code ('01'…'96'), ministry abbreviation ('BKHCN'), 'NASATI'/'CTTK'. */
  code: string;
  /** Full Vietnamese name ("Thành phố Hà Nội", "Bộ Khoa học và Công nghệ"). */
  nameVi: string;
  /** English name. */
  nameEn: string;
  /** Short Vietnamese name ("Hà Nội", "TP. Hồ Chí Minh", "Bộ KH&CN") or null. */
  shortNameVi: string | null;
  /** First valid day, 'YYYY-MM-DD'. */
  validFrom: string;
  /** Last valid day (inclusive), or null when still valid. */
  validTo: string | null;
  /** True for a centrally-run city (thành phố trực thuộc trung ương). */
  isCentralCity: boolean;
  /** True for units outside the network (Ministry of National Defence, Ministry of Public Security; TT 10/2017). */
  isExcludedFromNetwork: boolean;
  /** Relative share of S&T organisations, used by the synthetic generator (0 for national units). */
  weight: number;
  /** Short provenance note. */
  source: string;
}

/** A predecessor → successor link between two unit versions. */
export interface SuccessionSeed {
  /** Key of the unit that ceased to exist. */
  predecessorKey: string;
  /** Key of the unit that took over. */
  successorKey: string;
  /** First day of the successor's responsibility, 'YYYY-MM-DD'. */
  effectiveDate: string;
  /** Free-text note (English) or null. */
  note: string | null;
}

const nfc = (s: string): string => s.normalize('NFC');

// ---------------------------------------------------------------------------
// National focal point
// ---------------------------------------------------------------------------

const NATIONAL_UNITS: readonly OrgUnitSeed[] = [
  {
    key: 'nat:nasati',
    kind: 'national',
    code: 'NASATI',
    nameVi: 'Cục Thông tin Khoa học và Công nghệ quốc gia',
    nameEn: 'National Agency for Science and Technology Information',
    shortNameVi: 'Cục Thông tin KH&CN quốc gia',
    validFrom: '1990-01-01',
    validTo: '2025-02-28',
    isCentralCity: false,
    isExcludedFromNetwork: false,
    weight: 0,
    source: 'ND 11/2014/NĐ-CP Art 25; validFrom nominal [GK]',
  },
  {
    key: 'nat:cttk',
    kind: 'national',
    code: 'CTTK',
    nameVi: 'Cục Thông tin, Thống kê',
    nameEn: 'Department of Information and Statistics',
    shortNameVi: null,
    validFrom: '2025-03-01',
    validTo: null,
    isCentralCity: false,
    isExcludedFromNetwork: false,
    weight: 0,
    source: 'ND 55/2025/NĐ-CP (MOST structure, eff 2025-03-01)',
  },
];

// ---------------------------------------------------------------------------
// Provinces: 63 units (2008-08-01 … 2025-06-30) and 34 units (from 2025-07-01)
// ---------------------------------------------------------------------------

interface ProvinceRow {
  code: string;
  name: string;
  city: boolean;
  weight: number;
}

/** The 63 provincial units (GSO codes) with generator weights. */
const P63_ROWS: readonly ProvinceRow[] = [
  { code: '01', name: 'Hà Nội', city: true, weight: 30 },
  { code: '02', name: 'Hà Giang', city: false, weight: 0.5 },
  { code: '04', name: 'Cao Bằng', city: false, weight: 0.5 },
  { code: '06', name: 'Bắc Kạn', city: false, weight: 0.4 },
  { code: '08', name: 'Tuyên Quang', city: false, weight: 0.6 },
  { code: '10', name: 'Lào Cai', city: false, weight: 0.7 },
  { code: '11', name: 'Điện Biên', city: false, weight: 0.5 },
  { code: '12', name: 'Lai Châu', city: false, weight: 0.4 },
  { code: '14', name: 'Sơn La', city: false, weight: 0.8 },
  { code: '15', name: 'Yên Bái', city: false, weight: 0.6 },
  { code: '17', name: 'Hòa Bình', city: false, weight: 0.7 },
  { code: '19', name: 'Thái Nguyên', city: false, weight: 3.5 },
  { code: '20', name: 'Lạng Sơn', city: false, weight: 0.7 },
  { code: '22', name: 'Quảng Ninh', city: false, weight: 1.5 },
  { code: '24', name: 'Bắc Giang', city: false, weight: 1 },
  { code: '25', name: 'Phú Thọ', city: false, weight: 1.2 },
  { code: '26', name: 'Vĩnh Phúc', city: false, weight: 1.2 },
  { code: '27', name: 'Bắc Ninh', city: false, weight: 1.5 },
  { code: '30', name: 'Hải Dương', city: false, weight: 1.2 },
  { code: '31', name: 'Hải Phòng', city: true, weight: 4 },
  { code: '33', name: 'Hưng Yên', city: false, weight: 1 },
  { code: '34', name: 'Thái Bình', city: false, weight: 1 },
  { code: '35', name: 'Hà Nam', city: false, weight: 0.8 },
  { code: '36', name: 'Nam Định', city: false, weight: 1.2 },
  { code: '37', name: 'Ninh Bình', city: false, weight: 1 },
  { code: '38', name: 'Thanh Hóa', city: false, weight: 2 },
  { code: '40', name: 'Nghệ An', city: false, weight: 3 },
  { code: '42', name: 'Hà Tĩnh', city: false, weight: 1 },
  { code: '44', name: 'Quảng Bình', city: false, weight: 0.8 },
  { code: '45', name: 'Quảng Trị', city: false, weight: 0.7 },
  { code: '46', name: 'Thừa Thiên Huế', city: false, weight: 3.5 },
  { code: '48', name: 'Đà Nẵng', city: true, weight: 5 },
  { code: '49', name: 'Quảng Nam', city: false, weight: 1 },
  { code: '51', name: 'Quảng Ngãi', city: false, weight: 1 },
  { code: '52', name: 'Bình Định', city: false, weight: 1.5 },
  { code: '54', name: 'Phú Yên', city: false, weight: 0.8 },
  { code: '56', name: 'Khánh Hòa', city: false, weight: 2.5 },
  { code: '58', name: 'Ninh Thuận', city: false, weight: 0.7 },
  { code: '60', name: 'Bình Thuận', city: false, weight: 0.9 },
  { code: '62', name: 'Kon Tum', city: false, weight: 0.6 },
  { code: '64', name: 'Gia Lai', city: false, weight: 1 },
  { code: '66', name: 'Đắk Lắk', city: false, weight: 1.5 },
  { code: '67', name: 'Đắk Nông', city: false, weight: 0.5 },
  { code: '68', name: 'Lâm Đồng', city: false, weight: 2.5 },
  { code: '70', name: 'Bình Phước', city: false, weight: 0.6 },
  { code: '72', name: 'Tây Ninh', city: false, weight: 0.8 },
  { code: '74', name: 'Bình Dương', city: false, weight: 2 },
  { code: '75', name: 'Đồng Nai', city: false, weight: 2 },
  { code: '77', name: 'Bà Rịa - Vũng Tàu', city: false, weight: 1.5 },
  { code: '79', name: 'Hồ Chí Minh', city: true, weight: 22 },
  { code: '80', name: 'Long An', city: false, weight: 1 },
  { code: '82', name: 'Tiền Giang', city: false, weight: 1 },
  { code: '83', name: 'Bến Tre', city: false, weight: 0.8 },
  { code: '84', name: 'Trà Vinh', city: false, weight: 0.8 },
  { code: '86', name: 'Vĩnh Long', city: false, weight: 0.8 },
  { code: '87', name: 'Đồng Tháp', city: false, weight: 0.9 },
  { code: '89', name: 'An Giang', city: false, weight: 1.5 },
  { code: '91', name: 'Kiên Giang', city: false, weight: 0.9 },
  { code: '92', name: 'Cần Thơ', city: true, weight: 4 },
  { code: '93', name: 'Hậu Giang', city: false, weight: 0.6 },
  { code: '94', name: 'Sóc Trăng', city: false, weight: 0.8 },
  { code: '95', name: 'Bạc Liêu', city: false, weight: 0.6 },
  { code: '96', name: 'Cà Mau', city: false, weight: 0.8 },
];

interface MergeRow {
  code: string;
  name: string;
  city: boolean;
  /** Keys of the pre-merger units merged into this unit (first = the unit whose name is kept). */
  from: readonly string[];
}

/** Key of the 2025 'Huế' city version (code 46), valid 2025-01-01 … 2025-06-30. */
const HUE_2025_KEY = 'p63:46-2025';

/** The 34 provincial units from 2025-07-01 and their predecessors (NQ 202/2025/QH15 [GK]). */
const P34_ROWS: readonly MergeRow[] = [
  { code: '01', name: 'Hà Nội', city: true, from: ['p63:01'] },
  { code: '04', name: 'Cao Bằng', city: false, from: ['p63:04'] },
  { code: '08', name: 'Tuyên Quang', city: false, from: ['p63:08', 'p63:02'] },
  { code: '11', name: 'Điện Biên', city: false, from: ['p63:11'] },
  { code: '12', name: 'Lai Châu', city: false, from: ['p63:12'] },
  { code: '14', name: 'Sơn La', city: false, from: ['p63:14'] },
  { code: '15', name: 'Lào Cai', city: false, from: ['p63:10', 'p63:15'] },
  { code: '19', name: 'Thái Nguyên', city: false, from: ['p63:19', 'p63:06'] },
  { code: '20', name: 'Lạng Sơn', city: false, from: ['p63:20'] },
  { code: '22', name: 'Quảng Ninh', city: false, from: ['p63:22'] },
  { code: '24', name: 'Bắc Ninh', city: false, from: ['p63:27', 'p63:24'] },
  { code: '25', name: 'Phú Thọ', city: false, from: ['p63:25', 'p63:26', 'p63:17'] },
  { code: '31', name: 'Hải Phòng', city: true, from: ['p63:31', 'p63:30'] },
  { code: '33', name: 'Hưng Yên', city: false, from: ['p63:33', 'p63:34'] },
  { code: '37', name: 'Ninh Bình', city: false, from: ['p63:37', 'p63:35', 'p63:36'] },
  { code: '38', name: 'Thanh Hóa', city: false, from: ['p63:38'] },
  { code: '40', name: 'Nghệ An', city: false, from: ['p63:40'] },
  { code: '42', name: 'Hà Tĩnh', city: false, from: ['p63:42'] },
  { code: '44', name: 'Quảng Trị', city: false, from: ['p63:45', 'p63:44'] },
  { code: '46', name: 'Huế', city: true, from: [HUE_2025_KEY] },
  { code: '48', name: 'Đà Nẵng', city: true, from: ['p63:48', 'p63:49'] },
  { code: '51', name: 'Quảng Ngãi', city: false, from: ['p63:51', 'p63:62'] },
  { code: '52', name: 'Gia Lai', city: false, from: ['p63:64', 'p63:52'] },
  { code: '56', name: 'Khánh Hòa', city: false, from: ['p63:56', 'p63:58'] },
  { code: '66', name: 'Đắk Lắk', city: false, from: ['p63:66', 'p63:54'] },
  { code: '68', name: 'Lâm Đồng', city: false, from: ['p63:68', 'p63:67', 'p63:60'] },
  { code: '75', name: 'Đồng Nai', city: false, from: ['p63:75', 'p63:70'] },
  { code: '79', name: 'Hồ Chí Minh', city: true, from: ['p63:79', 'p63:74', 'p63:77'] },
  { code: '80', name: 'Tây Ninh', city: false, from: ['p63:72', 'p63:80'] },
  { code: '82', name: 'Đồng Tháp', city: false, from: ['p63:87', 'p63:82'] },
  { code: '86', name: 'Vĩnh Long', city: false, from: ['p63:86', 'p63:83', 'p63:84'] },
  { code: '91', name: 'An Giang', city: false, from: ['p63:89', 'p63:91'] },
  { code: '92', name: 'Cần Thơ', city: true, from: ['p63:92', 'p63:94', 'p63:93'] },
  { code: '96', name: 'Cà Mau', city: false, from: ['p63:96', 'p63:95'] },
];

const HCM_NAME = 'Hồ Chí Minh';

function provinceUnit(
  key: string,
  code: string,
  rawName: string,
  city: boolean,
  validFrom: string,
  validTo: string | null,
  weight: number,
  source: string,
): OrgUnitSeed {
  const name = nfc(rawName);
  const isHcm = name === nfc(HCM_NAME);
  const ascii = asciiFold(name);
  return {
    key,
    kind: 'province',
    code,
    nameVi: nfc(city ? `Thành phố ${name}` : `Tỉnh ${name}`),
    nameEn: isHcm ? 'Ho Chi Minh City' : city ? `${ascii} City` : `${ascii} Province`,
    shortNameVi: isHcm ? nfc('TP. Hồ Chí Minh') : name,
    validFrom,
    validTo,
    isCentralCity: city,
    isExcludedFromNetwork: false,
    weight,
    source,
  };
}

const P63_SOURCE = 'GSO administrative-unit codes (QĐ 124/2004/QĐ-TTg); 63 units since NQ 15/2008/QH12 (eff 2008-08-01) [GK]';

function buildP63(): OrgUnitSeed[] {
  const out: OrgUnitSeed[] = [];
  for (const row of P63_ROWS) {
    if (row.code === '46') {
      out.push(
        provinceUnit('p63:46', '46', row.name, false, '2008-08-01', '2024-12-31', row.weight, P63_SOURCE),
        provinceUnit(
          HUE_2025_KEY,
          '46',
          'Huế',
          true,
          '2025-01-01',
          '2025-06-30',
          row.weight,
          'NQ 175/2024/QH15: Thừa Thiên Huế becomes centrally-run city Huế from 2025-01-01 [GK]',
        ),
      );
    } else {
      out.push(provinceUnit(`p63:${row.code}`, row.code, row.name, row.city, '2008-08-01', '2025-06-30', row.weight, P63_SOURCE));
    }
  }
  return out;
}

const P63_UNITS: readonly OrgUnitSeed[] = buildP63();

/** Builds the 34 current units; each weight is the sum of its predecessors' weights. */
function buildP34(): OrgUnitSeed[] {
  const weightByKey = new Map(P63_UNITS.map((u) => [u.key, u.weight] as const));
  return P34_ROWS.map((row) => {
    const weight = row.from.reduce((sum, k) => sum + (weightByKey.get(k) ?? 0), 0);
    return provinceUnit(
      `p34:${row.code}`,
      row.code,
      row.name,
      row.city,
      '2025-07-01',
      null,
      Math.round(weight * 100) / 100,
      'NQ 202/2025/QH15 (34 provincial units from 2025-07-01); [GK] code per QĐ 19/2025/QĐ-TTg, to verify',
    );
  });
}

const P34_UNITS: readonly OrgUnitSeed[] = buildP34();

// ---------------------------------------------------------------------------
// Ministries, ministry-level agencies and government agencies ("bộ, ngành")
// ---------------------------------------------------------------------------

const GOV_2002 = '2002-08-05';
const GOV_2007 = '2007-08-02';
const RESTRUCTURE_END = '2025-02-28';
const RESTRUCTURE_START = '2025-03-01';
const SRC_CONT = '[GK] continuous unit; validFrom nominal (Government structure of that term), to verify';
const SRC_OLD = '[GK] dissolved/re-created by NQ 176/2025/QH15 (Government structure, eff 2025-03-01), to verify';
const SRC_NEW = '[GK] created by NQ 176/2025/QH15 (Government structure, eff 2025-03-01), to verify';

type MinistryRow = readonly [
  key: string,
  code: string,
  nameVi: string,
  nameEn: string,
  shortNameVi: string | null,
  validFrom: string,
  validTo: string | null,
  excluded: boolean,
  weight: number,
  source: string,
];

const MINISTRY_ROWS: readonly MinistryRow[] = [
  // Unchanged by the 2025 restructuring (continuous units)
  ['min:bqp', 'BQP', 'Bộ Quốc phòng', 'Ministry of National Defence', null, GOV_2002, null, true, 4, `${SRC_CONT}; outside TT 10/2017`],
  ['min:bca', 'BCA', 'Bộ Công an', 'Ministry of Public Security', null, GOV_2002, null, true, 1, `${SRC_CONT}; outside TT 10/2017`],
  ['min:bng', 'BNG', 'Bộ Ngoại giao', 'Ministry of Foreign Affairs', null, GOV_2002, null, false, 0.5, SRC_CONT],
  ['min:btp', 'BTP', 'Bộ Tư pháp', 'Ministry of Justice', null, GOV_2002, null, false, 0.5, SRC_CONT],
  ['min:bct', 'BCT', 'Bộ Công Thương', 'Ministry of Industry and Trade', null, GOV_2007, null, false, 5, SRC_CONT],
  ['min:bvhttdl', 'BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch', 'Ministry of Culture, Sports and Tourism', 'Bộ VHTTDL', GOV_2007, null, false, 2, SRC_CONT],
  ['min:bgddt', 'BGDDT', 'Bộ Giáo dục và Đào tạo', 'Ministry of Education and Training', 'Bộ GD&ĐT', GOV_2002, null, false, 14, SRC_CONT],
  ['min:byt', 'BYT', 'Bộ Y tế', 'Ministry of Health', null, GOV_2002, null, false, 8, SRC_CONT],
  ['min:nhnn', 'NHNN', 'Ngân hàng Nhà nước Việt Nam', 'State Bank of Vietnam', 'NHNN', GOV_2002, null, false, 1, SRC_CONT],
  ['min:ttcp', 'TTCP', 'Thanh tra Chính phủ', 'Government Inspectorate', null, GOV_2002, null, false, 0.2, SRC_CONT],
  ['min:vpcp', 'VPCP', 'Văn phòng Chính phủ', 'Government Office', null, GOV_2002, null, false, 0.2, SRC_CONT],
  ['min:vast', 'VAST', 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'Vietnam Academy of Science and Technology', 'Viện Hàn lâm KH&CN Việt Nam', GOV_2002, null, false, 10, `${SRC_CONT}; named Viện Khoa học và Công nghệ Việt Nam before 2012`],
  ['min:vass', 'VASS', 'Viện Hàn lâm Khoa học xã hội Việt Nam', 'Vietnam Academy of Social Sciences', 'Viện Hàn lâm KHXH Việt Nam', GOV_2002, null, false, 3, `${SRC_CONT}; named Viện Khoa học xã hội Việt Nam before 2012`],
  ['min:dhqghn', 'DHQGHN', 'Đại học Quốc gia Hà Nội', 'Vietnam National University, Hanoi', 'ĐHQGHN', GOV_2002, null, false, 4, SRC_CONT],
  ['min:dhqghcm', 'DHQGHCM', 'Đại học Quốc gia Thành phố Hồ Chí Minh', 'Vietnam National University, Ho Chi Minh City', 'ĐHQG-HCM', GOV_2002, null, false, 4, SRC_CONT],
  // Versions ending 2025-02-28
  ['min:btc-2002', 'BTC', 'Bộ Tài chính', 'Ministry of Finance', null, GOV_2002, RESTRUCTURE_END, false, 2, SRC_OLD],
  ['min:bkhdt', 'BKHDT', 'Bộ Kế hoạch và Đầu tư', 'Ministry of Planning and Investment', 'Bộ KH&ĐT', GOV_2002, RESTRUCTURE_END, false, 1, SRC_OLD],
  ['min:bkhcn-2002', 'BKHCN', 'Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology', 'Bộ KH&CN', GOV_2002, RESTRUCTURE_END, false, 5, SRC_OLD],
  ['min:btttt', 'BTTTT', 'Bộ Thông tin và Truyền thông', 'Ministry of Information and Communications', 'Bộ TT&TT', GOV_2007, RESTRUCTURE_END, false, 1.5, SRC_OLD],
  ['min:bxd-2002', 'BXD', 'Bộ Xây dựng', 'Ministry of Construction', null, GOV_2002, RESTRUCTURE_END, false, 2, SRC_OLD],
  ['min:bgtvt', 'BGTVT', 'Bộ Giao thông vận tải', 'Ministry of Transport', 'Bộ GTVT', GOV_2002, RESTRUCTURE_END, false, 2, SRC_OLD],
  ['min:btnmt', 'BTNMT', 'Bộ Tài nguyên và Môi trường', 'Ministry of Natural Resources and Environment', 'Bộ TN&MT', GOV_2002, RESTRUCTURE_END, false, 3, SRC_OLD],
  ['min:bnnptnt', 'BNNPTNT', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Ministry of Agriculture and Rural Development', 'Bộ NN&PTNT', GOV_2002, RESTRUCTURE_END, false, 8, SRC_OLD],
  ['min:bnv-2002', 'BNV', 'Bộ Nội vụ', 'Ministry of Home Affairs', null, GOV_2002, RESTRUCTURE_END, false, 1, SRC_OLD],
  ['min:bldtbxh', 'BLDTBXH', 'Bộ Lao động - Thương binh và Xã hội', 'Ministry of Labour, Invalids and Social Affairs', 'Bộ LĐ-TB&XH', GOV_2002, RESTRUCTURE_END, false, 1, SRC_OLD],
  ['min:ubdt', 'UBDT', 'Ủy ban Dân tộc', 'Committee for Ethnic Minority Affairs', null, GOV_2002, RESTRUCTURE_END, false, 0.5, SRC_OLD],
  // Versions starting 2025-03-01
  ['min:btc', 'BTC', 'Bộ Tài chính', 'Ministry of Finance', null, RESTRUCTURE_START, null, false, 3, SRC_NEW],
  ['min:bkhcn', 'BKHCN', 'Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology', 'Bộ KH&CN', RESTRUCTURE_START, null, false, 6, `${SRC_NEW}; ND 55/2025/NĐ-CP`],
  ['min:bxd', 'BXD', 'Bộ Xây dựng', 'Ministry of Construction', null, RESTRUCTURE_START, null, false, 4, SRC_NEW],
  ['min:bnnmt', 'BNNMT', 'Bộ Nông nghiệp và Môi trường', 'Ministry of Agriculture and Environment', 'Bộ NN&MT', RESTRUCTURE_START, null, false, 10, SRC_NEW],
  ['min:bnv', 'BNV', 'Bộ Nội vụ', 'Ministry of Home Affairs', null, RESTRUCTURE_START, null, false, 1.5, SRC_NEW],
  ['min:bdttg', 'BDTTG', 'Bộ Dân tộc và Tôn giáo', 'Ministry of Ethnic and Religious Affairs', 'Bộ DT&TG', RESTRUCTURE_START, null, false, 0.5, SRC_NEW],
];

const MINISTRY_UNITS: readonly OrgUnitSeed[] = MINISTRY_ROWS.map(
  ([key, code, nameVi, nameEn, shortNameVi, validFrom, validTo, excluded, weight, source]) => ({
    key,
    kind: 'ministry',
    code,
    nameVi: nfc(nameVi),
    nameEn,
    shortNameVi: shortNameVi === null ? null : nfc(shortNameVi),
    validFrom,
    validTo,
    isCentralCity: false,
    isExcludedFromNetwork: excluded,
    weight,
    source: nfc(source),
  }),
);

/** All organisational-unit versions: national focal point, ministries/agencies, 63 + 34 provincial units. */
export const ORG_UNITS: readonly OrgUnitSeed[] = Object.freeze(
  [...NATIONAL_UNITS, ...MINISTRY_UNITS, ...P63_UNITS, ...P34_UNITS].map((u) =>
    Object.freeze({ ...u, nameVi: nfc(u.nameVi), source: nfc(u.source) }),
  ),
);

// ---------------------------------------------------------------------------
// Successions
// ---------------------------------------------------------------------------

const PROVINCE_MERGE_DATE = '2025-07-01';

function buildSuccessions(): SuccessionSeed[] {
  const out: SuccessionSeed[] = [
    {
      predecessorKey: 'nat:nasati',
      successorKey: 'nat:cttk',
      effectiveDate: RESTRUCTURE_START,
      note: 'NASATI reorganised as Cục Thông tin, Thống kê of the merged MOST (ND 55/2025/NĐ-CP)',
    },
    {
      predecessorKey: 'p63:46',
      successorKey: HUE_2025_KEY,
      effectiveDate: '2025-01-01',
      note: 'Thừa Thiên Huế province becomes the centrally-run city Huế (NQ 175/2024/QH15 [GK])',
    },
  ];
  const ministryLinks: readonly (readonly [string, string, string])[] = [
    ['min:btc-2002', 'min:btc', 'Re-created Ministry of Finance'],
    ['min:bkhdt', 'min:btc', 'Ministry of Planning and Investment merged into the Ministry of Finance'],
    ['min:bkhcn-2002', 'min:bkhcn', 'Re-created Ministry of Science and Technology'],
    ['min:btttt', 'min:bkhcn', 'Ministry of Information and Communications merged into MOST'],
    ['min:bxd-2002', 'min:bxd', 'Re-created Ministry of Construction'],
    ['min:bgtvt', 'min:bxd', 'Ministry of Transport merged into the Ministry of Construction'],
    ['min:bnnptnt', 'min:bnnmt', 'Merged into the Ministry of Agriculture and Environment'],
    ['min:btnmt', 'min:bnnmt', 'Merged into the Ministry of Agriculture and Environment'],
    ['min:bnv-2002', 'min:bnv', 'Re-created Ministry of Home Affairs'],
    ['min:bldtbxh', 'min:bnv', 'Merged into the Ministry of Home Affairs (some functions moved to MOET and MOH) [GK]'],
    ['min:ubdt', 'min:bdttg', 'Committee for Ethnic Minority Affairs became the Ministry of Ethnic and Religious Affairs'],
  ];
  for (const [predecessorKey, successorKey, note] of ministryLinks) {
    out.push({ predecessorKey, successorKey, effectiveDate: RESTRUCTURE_START, note: `${note} (NQ 176/2025/QH15 [GK])` });
  }
  for (const row of P34_ROWS) {
    const successorKey = `p34:${row.code}`;
    for (const predecessorKey of row.from) {
      out.push({
        predecessorKey,
        successorKey,
        effectiveDate: PROVINCE_MERGE_DATE,
        note:
          row.from.length === 1
            ? 'Unchanged territory; new version from 2025-07-01 (NQ 202/2025/QH15)'
            : nfc(`Merged into ${row.city ? 'Thành phố' : 'Tỉnh'} ${row.name} (NQ 202/2025/QH15)`),
      });
    }
  }
  return out;
}

/** Predecessor → successor links (2025-01-01 Huế, 2025-03-01 ministries and NASATI, 2025-07-01 provinces). */
export const SUCCESSIONS: readonly SuccessionSeed[] = Object.freeze(buildSuccessions().map((s) => Object.freeze(s)));

/**
 * Whether a unit version is valid on a date (inclusive range check on ISO dates).
 * @param unit - The unit version.
 * @param date - 'YYYY-MM-DD'.
 * @returns True when `validFrom <= date <= validTo` (open-ended when `validTo` is null).
 */
export function isOrgUnitValidOn(unit: Pick<OrgUnitSeed, 'validFrom' | 'validTo'>, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date <= unit.validTo);
}

/**
 * Keys of all unit versions valid on a date.
 * @param date - 'YYYY-MM-DD'.
 * @returns Keys in {@link ORG_UNITS} order.
 */
export function orgUnitKeysValidOn(date: string): string[] {
  return ORG_UNITS.filter((u) => isOrgUnitValidOn(u, date)).map((u) => u.key);
}
