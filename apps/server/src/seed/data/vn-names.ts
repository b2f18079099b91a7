/**
 * Vietnamese name and place vocabularies used by the synthetic seed generator.
 *
 * Frequencies are approximate and meant to look realistic, not to be statistically exact.
 * Family-name shares follow commonly quoted estimates (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %…) [GK].
 * Every string is NFC-normalised when the module loads.
 */

/** A vocabulary entry with a relative weight. */
export interface WeightedName {
  /** The name (Vietnamese, NFC). */
  value: string;
  /** Relative frequency (any positive scale). */
  weight: number;
}

/** A term usable in organisation names, with its English translation and its FOS2025 level-2 field. */
export interface VocabularyTerm {
  /** Vietnamese term as it appears inside an organisation name. */
  vi: string;
  /** English translation used to build `nameEn`. */
  en: string;
  /** FOS2025 level-2 code (three digits) the term belongs to. */
  fieldCode: string;
}

/** A research topic word; `business` marks topics that also suit company names. */
export interface TopicTerm extends VocabularyTerm {
  /** True when the topic is plausible in a company name ("Công ty TNHH Vật liệu mới …"). */
  business: boolean;
}

/** Organisation categories produced by the generator. */
export type OrgCategory =
  | 'institute'
  | 'university'
  | 'academy'
  | 'college'
  | 'serviceCentre'
  | 'hospital'
  | 'stateAgency'
  | 'scienceEnterprise'
  | 'company';

/** A higher-education discipline ("Y Dược", "Bách khoa"…) and the institution kinds it suits. */
export interface DisciplineTerm extends VocabularyTerm {
  /** Which higher-education categories may use this discipline. */
  categories: readonly ('university' | 'academy' | 'college')[];
}

/** Which vocabulary fills the `{topic}` placeholder of a pattern (and gives the field code). */
export type OrgVocabulary = 'topic' | 'businessTopic' | 'discipline' | 'specialty' | 'none';

/**
 * An organisation-name pattern. Placeholders: `{topic}`/`{topicEn}`, `{province}`/`{provinceEn}`,
 * `{brand}`/`{brandEn}`, `{region}`/`{regionEn}`.
 */
export interface OrgNamePattern {
  /** Stable identifier of the pattern. */
  id: string;
  /** Organisation category. */
  category: OrgCategory;
  /** Vietnamese name template. */
  vi: string;
  /** English name template. */
  en: string;
  /** ORG_TYPE classification code (13.x). */
  orgTypeCode: string;
  /** Public body, private non-profit body, or enterprise. */
  ownership: 'public' | 'private' | 'enterprise';
  /** Whether the pattern is used for province-run, ministry-run or both kinds of organisation. */
  managedBy: 'province' | 'ministry' | 'any';
  /** Vocabulary giving `{topic}` and the main field. */
  vocabulary: OrgVocabulary;
  /** Field codes to choose from when `vocabulary` is 'none'. */
  fieldCodes: readonly string[] | null;
  /**
   * Alternative Vietnamese template used when the name is already taken (placeholders as above plus
   * `{locality}`/`{localityEn}`, a ward name), e.g. "Bệnh viện Đa khoa khu vực {locality}"; null when none.
   */
  fallbackVi: string | null;
  /** English counterpart of `fallbackVi`. */
  fallbackEn: string | null;
  /** Relative weight within its category. */
  weight: number;
}

/** A region label used by regional institute names ("… miền Nam"). */
export interface RegionLabel {
  /** Vietnamese label, e.g. 'miền Nam'. */
  vi: string;
  /** English label, e.g. 'Southern Region'. */
  en: string;
}

/** Job titles by seniority tier for one organisation category. */
export interface PositionTiers {
  /** Early-career titles. */
  junior: readonly string[];
  /** Mid-career titles. */
  mid: readonly string[];
  /** Senior titles. */
  senior: readonly string[];
  /** Leadership titles. */
  lead: readonly string[];
}

const nfc = (s: string): string => s.normalize('NFC');

const weighted = (rows: readonly (readonly [string, number])[]): readonly WeightedName[] =>
  Object.freeze(rows.map(([value, weight]) => Object.freeze({ value: nfc(value), weight })));

const names = (rows: readonly string[]): readonly string[] => Object.freeze(rows.map(nfc));

/**
 * Folds a Vietnamese string to plain ASCII (removes diacritics, maps đ/Đ to d/D).
 * @param s - Input text.
 * @returns The ASCII transliteration.
 */
export function asciiFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Vietnamese family names with approximate population shares (percent). */
export const FAMILY_NAMES: readonly WeightedName[] = weighted([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 4],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Võ', 2.6],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.8],
  ['Trịnh', 0.6],
  ['Lương', 0.5],
  ['Mai', 0.5],
  ['Tạ', 0.3],
  ['Cao', 0.5],
  ['Lâm', 0.4],
  ['Hà', 0.5],
  ['Chu', 0.3],
  ['Đào', 0.5],
  ['Đoàn', 0.5],
  ['Trương', 0.6],
  ['Vương', 0.2],
  ['Phùng', 0.3],
  ['Kiều', 0.2],
  ['Quách', 0.2],
  ['Lưu', 0.3],
  ['Tô', 0.2],
  ['Triệu', 0.2],
  ['Nông', 0.2],
  ['Thái', 0.2],
  ['Lò', 0.1],
]);

/** Male middle names (tên đệm) with relative weights. */
export const MIDDLE_NAMES_MALE: readonly WeightedName[] = weighted([
  ['Văn', 30],
  ['Hữu', 8],
  ['Đức', 8],
  ['Minh', 8],
  ['Quang', 7],
  ['Thanh', 6],
  ['Công', 5],
  ['Xuân', 4],
  ['Anh', 3],
  ['Hoàng', 3],
  ['Ngọc', 3],
  ['Tiến', 3],
  ['Mạnh', 3],
  ['Trọng', 3],
  ['Duy', 3],
  ['Thành', 3],
  ['Quốc', 4],
  ['Đình', 4],
  ['Trung', 2],
  ['Việt', 2],
  ['Bá', 2],
  ['Tuấn', 2],
]);

/** Female middle names (tên đệm) with relative weights. */
export const MIDDLE_NAMES_FEMALE: readonly WeightedName[] = weighted([
  ['Thị', 45],
  ['Ngọc', 8],
  ['Thu', 6],
  ['Thanh', 6],
  ['Minh', 4],
  ['Kim', 4],
  ['Thùy', 4],
  ['Hồng', 4],
  ['Bích', 3],
  ['Phương', 3],
  ['Thúy', 3],
  ['Mai', 2],
  ['Lan', 2],
  ['Hoài', 2],
  ['Diệu', 2],
  ['Khánh', 2],
  ['Như', 2],
  ['Quỳnh', 2],
  ['Hải', 2],
  ['Mỹ', 2],
]);

/** Male given names (tên). */
export const GIVEN_NAMES_MALE: readonly string[] = names([
  'An', 'Anh', 'Bảo', 'Bình', 'Cường', 'Công', 'Dũng', 'Duy', 'Dương', 'Đạt',
  'Đức', 'Giang', 'Hải', 'Hiếu', 'Hiệp', 'Hòa', 'Hoàng', 'Hùng', 'Huy', 'Hưng',
  'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Linh', 'Long', 'Lộc', 'Lợi', 'Mạnh', 'Minh',
  'Nam', 'Nghĩa', 'Nhân', 'Phong', 'Phúc', 'Phương', 'Quân', 'Quang', 'Sơn', 'Tài',
  'Tâm', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh',
  'Vũ', 'Hậu', 'Tiến', 'Thái', 'Khải', 'Đông',
]);

/** Female given names (tên). */
export const GIVEN_NAMES_FEMALE: readonly string[] = names([
  'An', 'Anh', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền',
  'Hoa', 'Hồng', 'Huyền', 'Hương', 'Hường', 'Lan', 'Liên', 'Linh', 'Loan', 'Ly',
  'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Tâm',
  'Thảo', 'Thanh', 'Thu', 'Thủy', 'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Yến',
  'Nhàn', 'Hòa', 'Diệp', 'Lý', 'Thư', 'Vy',
]);

/** Common street names (used as "Số 12 Trần Hưng Đạo"). */
export const STREET_NAMES: readonly string[] = names([
  'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Quang Trung',
  'Hoàng Quốc Việt', 'Nguyễn Trãi', 'Lê Duẩn', 'Điện Biên Phủ', 'Hùng Vương', 'Phan Chu Trinh',
  'Nguyễn Văn Cừ', 'Võ Văn Kiệt', 'Trường Chinh', 'Lê Thánh Tông', 'Phạm Văn Đồng', 'Nguyễn Du',
  'Bà Triệu', 'Lê Hồng Phong', 'Nguyễn Thị Minh Khai', 'Trần Phú', 'Ngô Quyền', 'Lý Thái Tổ',
  'Phan Đình Phùng', 'Hoàng Diệu', 'Tôn Đức Thắng', 'Nguyễn Chí Thanh', 'Cách Mạng Tháng Tám',
  'Hoàng Hoa Thám', 'Lạc Long Quân', 'Nguyễn Văn Linh', 'Trần Quang Khải', 'Lê Quý Đôn',
  'Chu Văn An', 'Nguyễn Đình Chiểu', 'Phan Bội Châu', 'Hàm Nghi', 'Đinh Tiên Hoàng', 'Yersin',
  'Võ Nguyên Giáp', 'Tạ Quang Bửu', 'Xuân Thủy', 'Đại Cồ Việt', 'Pasteur',
]);

/** Ward names (phường) used in synthetic addresses. */
export const WARD_NAMES: readonly string[] = names([
  'Tân Phong', 'An Khánh', 'Hòa Bình', 'Thắng Lợi', 'Quang Trung', 'Trần Phú', 'Minh Khai',
  'Đông Hòa', 'Tân Lập', 'Phú Hòa', 'Hòa Thuận', 'Thống Nhất', 'Nghĩa Đô', 'Cầu Giấy',
  'Bến Thành', 'Hải Châu', 'Ninh Kiều', 'Thuận Hóa', 'Đống Đa', 'Ba Đình', 'Hoàn Kiếm',
  'Tân Định', 'Phú Nhuận', 'Tân An', 'Hưng Phú', 'Vĩnh Ninh', 'Phước Long', 'An Hòa',
  'Trung Hòa', 'Kim Liên', 'Bạch Mai', 'Đông Kinh', 'Tam Thanh', 'Hồng Hà', 'Lê Chân',
  'Ngô Mây', 'Tân Thịnh', 'Hưng Dũng', 'Xuân Hòa', 'Bình Minh', 'An Phú', 'Bình Thạnh', 'Cẩm Phả',
  'Châu Thành', 'Đông Sơn', 'Gia Nghĩa', 'Hòa Khánh', 'Hưng Lộc', 'Kim Long', 'Long Biên', 'Mỹ Tho',
  'Nam Sơn', 'Nghĩa Hưng', 'Phú Lợi', 'Phước Hải', 'Quảng Phú', 'Sa Đéc', 'Sông Công', 'Tam Kỳ',
  'Tân Hiệp', 'Thanh Xuân', 'Thủ Dầu Một', 'Tây Hồ', 'Vĩnh Yên', 'Xuân Phương', 'Yên Hòa', 'Bảo Lộc',
  'Buôn Hồ', 'Cam Ranh', 'Chí Linh', 'Đồng Xoài', 'Hà Tiên', 'Long Khánh', 'Móng Cái', 'Ngã Bảy',
]);

/** Syllables combined in pairs to form company/private-university brand names ("Hưng Thịnh"). */
export const BRAND_SYLLABLES: readonly string[] = names([
  'An', 'Bình', 'Phát', 'Thịnh', 'Hưng', 'Minh', 'Phú', 'Tân', 'Việt', 'Đại',
  'Thành', 'Long', 'Hòa', 'Phúc', 'Lộc', 'Tài', 'Đức', 'Quang', 'Hoàng', 'Kim',
  'Sao', 'Mai', 'Nam', 'Trường', 'Sơn', 'Hải', 'Thiên', 'Hợp', 'Nhất', 'Toàn',
  'Gia', 'Khang', 'Vĩnh', 'Thái', 'Tiến', 'Trung', 'Hồng', 'Ngọc', 'Sáng', 'Tâm',
  'Trí', 'Tín', 'Nghĩa', 'Hạnh', 'Thắng', 'Lợi', 'Xuân', 'Đông', 'Á', 'Mỹ',
  'Quốc', 'Vượng', 'Thuận', 'Bảo', 'Huy', 'Lam', 'Tường', 'Hà', 'Cường', 'Đạt',
]);

/** Region labels keyed by region id; see {@link regionOfProvinceCode}. */
export const REGIONS: Readonly<Record<'north' | 'central' | 'highlands' | 'south', RegionLabel>> = Object.freeze({
  north: { vi: nfc('miền Bắc'), en: 'Northern Region' },
  central: { vi: nfc('miền Trung'), en: 'Central Region' },
  highlands: { vi: nfc('Tây Nguyên'), en: 'Central Highlands' },
  south: { vi: nfc('miền Nam'), en: 'Southern Region' },
});

/**
 * Region of a current (2025-07-01) province code, by GSO code ranges.
 * @param code - Two-digit province code.
 * @returns The region label.
 */
export function regionOfProvinceCode(code: string): RegionLabel {
  const n = Number.parseInt(code, 10);
  if (n <= 37) return REGIONS.north;
  if (n === 66 || n === 68) return REGIONS.highlands;
  if (n <= 64) return REGIONS.central;
  return REGIONS.south;
}

/**
 * Main landline area codes of the 34 current provincial units, keyed by province code
 * (after the 2017 area-code change) [GK].
 */
export const AREA_CODES: Readonly<Record<string, string>> = Object.freeze({
  '01': '024', '04': '0206', '08': '0207', '11': '0215', '12': '0213', '14': '0212',
  '15': '0214', '19': '0208', '20': '0205', '22': '0203', '24': '0222', '25': '0210',
  '31': '0225', '33': '0221', '37': '0229', '38': '0237', '40': '0238', '42': '0239',
  '44': '0233', '46': '0234', '48': '0236', '51': '0255', '52': '0269', '56': '0258',
  '66': '0262', '68': '0263', '75': '0251', '79': '028', '80': '0276', '82': '0277',
  '86': '0270', '91': '0296', '92': '0292', '96': '0290',
});

/** Mobile-number prefixes (three digits) used for synthetic researcher phones. */
export const MOBILE_PREFIXES: readonly string[] = Object.freeze([
  '090', '091', '093', '094', '096', '097', '098', '086', '088', '089',
  '032', '033', '034', '035', '036', '037', '038', '039', '070', '076',
  '077', '078', '079', '081', '082', '083', '084', '085',
]);

const topics = (rows: readonly (readonly [string, string, string, boolean])[]): readonly TopicTerm[] =>
  Object.freeze(rows.map(([vi, en, fieldCode, business]) => Object.freeze({ vi: nfc(vi), en, fieldCode, business })));

/** Research topic words with English translation and FOS2025 level-2 field. */
export const TOPICS: readonly TopicTerm[] = topics([
  ['Toán học', 'Mathematics', '101', false],
  ['Thống kê ứng dụng', 'Applied Statistics', '101', false],
  ['Công nghệ thông tin', 'Information Technology', '102', true],
  ['Trí tuệ nhân tạo', 'Artificial Intelligence', '102', true],
  ['An toàn thông tin', 'Information Security', '102', true],
  ['Khoa học dữ liệu', 'Data Science', '102', true],
  ['Phần mềm', 'Software', '102', true],
  ['Vật lý', 'Physics', '103', false],
  ['Quang học và Quang phổ', 'Optics and Spectroscopy', '103', false],
  ['Vật lý hạt nhân', 'Nuclear Physics', '103', false],
  ['Hóa học', 'Chemistry', '104', false],
  ['Hóa học các hợp chất thiên nhiên', 'Natural Products Chemistry', '104', false],
  ['Địa chất', 'Geology', '105', false],
  ['Khí tượng Thủy văn', 'Hydro-Meteorology', '105', false],
  ['Hải dương học', 'Oceanography', '105', false],
  ['Tài nguyên nước', 'Water Resources', '105', false],
  ['Biến đổi khí hậu', 'Climate Change', '105', false],
  ['Sinh thái và Tài nguyên sinh vật', 'Ecology and Biological Resources', '106', false],
  ['Đa dạng sinh học', 'Biodiversity', '106', false],
  ['Vi sinh vật học', 'Microbiology', '106', false],
  ['Xây dựng', 'Construction', '201', true],
  ['Cầu đường', 'Bridge and Road Engineering', '201', true],
  ['Thủy lợi', 'Irrigation Engineering', '201', false],
  ['Vật liệu xây dựng', 'Building Materials', '201', true],
  ['Điện tử - Viễn thông', 'Electronics and Telecommunications', '202', true],
  ['Tự động hóa', 'Automation', '202', true],
  ['Điện lực', 'Electric Power', '202', true],
  ['Vi mạch bán dẫn', 'Semiconductor Microchips', '202', true],
  ['Cơ khí', 'Mechanical Engineering', '203', true],
  ['Cơ điện tử', 'Mechatronics', '203', true],
  ['Chế tạo máy', 'Machine Building', '203', true],
  ['Hóa dầu', 'Petrochemistry', '204', true],
  ['Công nghệ hóa chất', 'Chemical Technology', '204', true],
  ['Vật liệu mới', 'Advanced Materials', '205', true],
  ['Luyện kim', 'Metallurgy', '205', true],
  ['Vật liệu Polyme và Composite', 'Polymer and Composite Materials', '205', true],
  ['Thiết bị y tế', 'Medical Equipment', '206', true],
  ['Kỹ thuật y sinh', 'Biomedical Engineering', '206', false],
  ['Môi trường', 'Environment', '207', true],
  ['Xử lý chất thải', 'Waste Treatment', '207', true],
  ['Công nghệ môi trường', 'Environmental Technology', '207', true],
  ['Công nghệ sinh học môi trường', 'Environmental Biotechnology', '208', false],
  ['Công nghệ sinh học', 'Biotechnology', '209', true],
  ['Công nghệ lên men', 'Fermentation Technology', '209', true],
  ['Công nghệ nano', 'Nanotechnology', '210', true],
  ['Thực phẩm', 'Food', '211', true],
  ['Chế biến thực phẩm', 'Food Processing', '211', true],
  ['Năng lượng tái tạo', 'Renewable Energy', '299', true],
  ['Đo lường', 'Metrology', '299', true],
  ['Công nghệ vũ trụ', 'Space Technology', '299', false],
  ['Miễn dịch học', 'Immunology', '301', false],
  ['Y sinh học', 'Biomedicine', '301', false],
  ['Ung bướu', 'Oncology', '302', false],
  ['Tim mạch', 'Cardiology', '302', false],
  ['Nội tiết', 'Endocrinology', '302', false],
  ['Y học cổ truyền', 'Traditional Medicine', '302', true],
  ['Dược liệu', 'Medicinal Materials', '303', true],
  ['Dược phẩm', 'Pharmaceuticals', '303', true],
  ['Kiểm nghiệm thuốc', 'Drug Quality Control', '303', false],
  ['Công nghệ gen và Tế bào gốc', 'Gene and Stem Cell Technology', '304', false],
  ['Y tế công cộng', 'Public Health', '305', false],
  ['Dinh dưỡng', 'Nutrition', '305', true],
  ['Vệ sinh dịch tễ', 'Hygiene and Epidemiology', '305', false],
  ['Lúa', 'Rice', '401', false],
  ['Cây ăn quả', 'Fruit Crops', '401', true],
  ['Rau quả', 'Vegetables and Fruits', '401', true],
  ['Cây công nghiệp', 'Industrial Crops', '401', false],
  ['Ngô', 'Maize', '401', false],
  ['Cà phê - Ca cao', 'Coffee and Cocoa', '401', true],
  ['Chè', 'Tea', '401', true],
  ['Bảo vệ thực vật', 'Plant Protection', '401', true],
  ['Thổ nhưỡng Nông hóa', 'Soils and Agrochemistry', '401', false],
  ['Phân bón', 'Fertilisers', '401', true],
  ['Giống cây trồng', 'Crop Seeds', '401', true],
  ['Chăn nuôi', 'Animal Husbandry', '402', true],
  ['Gia cầm', 'Poultry', '402', true],
  ['Bò sữa', 'Dairy Cattle', '402', true],
  ['Thức ăn chăn nuôi', 'Animal Feed', '402', true],
  ['Thú y', 'Veterinary Medicine', '403', true],
  ['Lâm nghiệp', 'Forestry', '404', true],
  ['Lâm sản ngoài gỗ', 'Non-timber Forest Products', '404', true],
  ['Giống cây rừng', 'Forest Tree Breeding', '404', false],
  ['Thủy sản', 'Fisheries', '405', true],
  ['Nuôi trồng thủy sản', 'Aquaculture', '405', true],
  ['Hải sản', 'Marine Fisheries', '405', true],
  ['Công nghệ sinh học nông nghiệp', 'Agricultural Biotechnology', '406', true],
  ['Di truyền nông nghiệp', 'Agricultural Genetics', '406', false],
  ['Nông nghiệp công nghệ cao', 'High-tech Agriculture', '499', true],
  ['Cơ điện nông nghiệp', 'Agricultural Engineering', '499', true],
  ['Tâm lý học', 'Psychology', '501', false],
  ['Kinh tế', 'Economics', '502', false],
  ['Tài chính - Ngân hàng', 'Finance and Banking', '502', false],
  ['Quản trị kinh doanh', 'Business Administration', '502', false],
  ['Kinh tế nông nghiệp', 'Agricultural Economics', '502', false],
  ['Tư vấn quản lý', 'Management Consulting', '502', true],
  ['Khoa học giáo dục', 'Educational Sciences', '503', false],
  ['Xã hội học', 'Sociology', '504', false],
  ['Gia đình và Giới', 'Family and Gender Studies', '504', false],
  ['Nhà nước và Pháp luật', 'State and Law', '505', false],
  ['Chính trị học', 'Political Science', '506', false],
  ['Quan hệ quốc tế', 'International Relations', '506', false],
  ['Phát triển vùng', 'Regional Development', '507', false],
  ['Quy hoạch đô thị', 'Urban Planning', '507', true],
  ['Truyền thông', 'Media and Communication', '508', true],
  ['Báo chí', 'Journalism', '508', false],
  ['Phát triển bền vững', 'Sustainable Development', '599', false],
  ['Đông Nam Á học', 'Southeast Asian Studies', '599', false],
  ['Sử học', 'History', '601', false],
  ['Khảo cổ học', 'Archaeology', '601', false],
  ['Ngôn ngữ học', 'Linguistics', '602', false],
  ['Văn học', 'Literature', '602', false],
  ['Hán Nôm', 'Sino-Nom Studies', '602', false],
  ['Triết học', 'Philosophy', '603', false],
  ['Tôn giáo', 'Religious Studies', '603', false],
  ['Văn hóa Nghệ thuật', 'Culture and Arts', '604', false],
  ['Mỹ thuật', 'Fine Arts', '604', false],
  ['Âm nhạc', 'Music', '604', false],
  ['Di sản văn hóa', 'Cultural Heritage', '699', false],
  ['Văn hóa dân gian', 'Folklore', '699', false],
]);

const disciplines = (
  rows: readonly (readonly [string, string, string, readonly ('university' | 'academy' | 'college')[]])[],
): readonly DisciplineTerm[] =>
  Object.freeze(
    rows.map(([vi, en, fieldCode, categories]) => Object.freeze({ vi: nfc(vi), en, fieldCode, categories })),
  );

/** Higher-education disciplines used in university, academy and college names. */
export const DISCIPLINES: readonly DisciplineTerm[] = disciplines([
  ['Bách khoa', 'Technology', '203', ['university']],
  ['Y Dược', 'Medicine and Pharmacy', '302', ['university']],
  ['Y', 'Medicine', '302', ['university']],
  ['Dược', 'Pharmacy', '303', ['university']],
  ['Nông Lâm', 'Agriculture and Forestry', '401', ['university']],
  ['Nông nghiệp', 'Agriculture', '401', ['academy', 'college']],
  ['Kinh tế', 'Economics', '502', ['university', 'college']],
  ['Kinh tế - Kỹ thuật', 'Economics and Technology', '299', ['college']],
  ['Sư phạm', 'Education', '503', ['university', 'college']],
  ['Sư phạm Kỹ thuật', 'Technology and Education', '503', ['university']],
  ['Khoa học', 'Sciences', '199', ['university']],
  ['Khoa học Tự nhiên', 'Science', '199', ['university']],
  ['Khoa học Xã hội và Nhân văn', 'Social Sciences and Humanities', '599', ['university']],
  ['Luật', 'Law', '505', ['university']],
  ['Công nghệ Thông tin', 'Information Technology', '102', ['university', 'college']],
  ['Kiến trúc', 'Architecture', '201', ['university']],
  ['Xây dựng', 'Civil Engineering', '201', ['university', 'college']],
  ['Thủy lợi', 'Water Resources', '201', ['university']],
  ['Giao thông Vận tải', 'Transport', '201', ['university', 'college']],
  ['Mỏ - Địa chất', 'Mining and Geology', '105', ['university']],
  ['Ngoại ngữ', 'Foreign Languages', '602', ['university', 'college']],
  ['Văn hóa', 'Culture', '604', ['university']],
  ['Văn hóa Nghệ thuật', 'Culture and Arts', '604', ['college']],
  ['Thủy sản', 'Fisheries', '405', ['university']],
  ['Tài nguyên và Môi trường', 'Natural Resources and Environment', '207', ['university', 'college']],
  ['Công nghiệp', 'Industry', '203', ['university', 'college']],
  ['Điện lực', 'Electric Power', '202', ['university', 'college']],
  ['Điều dưỡng', 'Nursing', '305', ['university']],
  ['Kỹ thuật Y tế', 'Medical Technology', '206', ['university']],
  ['Y tế', 'Health', '305', ['college']],
  ['Cơ điện', 'Mechanical and Electrical Engineering', '203', ['college']],
  ['Du lịch', 'Tourism', '502', ['college']],
  ['Tài chính - Marketing', 'Finance and Marketing', '502', ['university']],
  ['Tài chính', 'Finance', '502', ['academy']],
  ['Ngân hàng', 'Banking', '502', ['academy']],
  ['Công nghệ Bưu chính Viễn thông', 'Posts and Telecommunications Technology', '202', ['academy']],
  ['Y Dược học cổ truyền', 'Traditional Medicine and Pharmacy', '302', ['academy']],
  ['Hành chính và Quản trị công', 'Public Administration', '506', ['academy']],
  ['Báo chí và Tuyên truyền', 'Journalism and Communication', '508', ['academy']],
  ['Ngoại giao', 'Diplomacy', '506', ['academy']],
  ['Chính sách và Phát triển', 'Policy and Development', '502', ['academy']],
  ['Âm nhạc', 'Music', '604', ['academy']],
  ['Kỹ thuật Mật mã', 'Cryptography', '102', ['academy']],
  ['Phụ nữ', 'Women', '504', ['academy']],
  ['Dân tộc', 'Ethnic Minorities', '504', ['academy']],
  ['Khoa học Xã hội', 'Social Sciences', '599', ['academy']],
  ['Khoa học và Công nghệ', 'Science and Technology', '199', ['academy']],
  ['Chiến lược Khoa học và Công nghệ', 'Science and Technology Strategy', '599', ['academy']],
  ['Tư pháp', 'Justice', '505', ['academy']],
]);

const vocab = (rows: readonly (readonly [string, string, string])[]): readonly VocabularyTerm[] =>
  Object.freeze(rows.map(([vi, en, fieldCode]) => Object.freeze({ vi: nfc(vi), en, fieldCode })));

/** Hospital specialties ("Bệnh viện Ung bướu …"). */
export const HOSPITAL_SPECIALTIES: readonly VocabularyTerm[] = vocab([
  ['Ung bướu', 'Oncology', '302'],
  ['Tim mạch', 'Cardiology', '302'],
  ['Nhi', 'Paediatric', '302'],
  ['Mắt', 'Eye', '302'],
  ['Y học cổ truyền', 'Traditional Medicine', '302'],
  ['Lao và Bệnh phổi', 'Tuberculosis and Lung Disease', '302'],
  ['Nội tiết', 'Endocrinology', '302'],
  ['Da liễu', 'Dermatology', '302'],
  ['Tâm thần', 'Psychiatric', '302'],
  ['Phụ sản', 'Obstetrics and Gynaecology', '302'],
  ['Răng Hàm Mặt', 'Odonto-Stomatology', '302'],
  ['Phục hồi chức năng', 'Rehabilitation', '305'],
]);

type PatternRow = readonly [
  id: string,
  category: OrgCategory,
  vi: string,
  en: string,
  orgTypeCode: string,
  ownership: OrgNamePattern['ownership'],
  managedBy: OrgNamePattern['managedBy'],
  vocabulary: OrgVocabulary,
  fieldCodes: readonly string[] | null,
  weight: number,
  fallbackVi?: string,
  fallbackEn?: string,
];

const patterns = (rows: readonly PatternRow[]): readonly OrgNamePattern[] =>
  Object.freeze(
    rows.map(([id, category, vi, en, orgTypeCode, ownership, managedBy, vocabulary, fieldCodes, weight, fallbackVi, fallbackEn]) =>
      Object.freeze({
        id,
        category,
        vi: nfc(vi),
        en,
        orgTypeCode,
        ownership,
        managedBy,
        vocabulary,
        fieldCodes,
        weight,
        fallbackVi: fallbackVi === undefined ? null : nfc(fallbackVi),
        fallbackEn: fallbackEn ?? null,
      }),
    ),
  );

/** Organisation-name patterns: research institutes, universities, service centres, hospitals, agencies, companies. */
export const ORG_NAME_PATTERNS: readonly OrgNamePattern[] = patterns([
  // Research and development organisations (13.2)
  ['inst-vien', 'institute', 'Viện {topic}', 'Institute of {topicEn}', '13.2', 'public', 'ministry', 'topic', null, 4],
  ['inst-nc', 'institute', 'Viện Nghiên cứu {topic}', '{topicEn} Research Institute', '13.2', 'public', 'ministry', 'topic', null, 4],
  ['inst-region', 'institute', 'Viện Nghiên cứu {topic} {region}', '{topicEn} Research Institute, {regionEn}', '13.2', 'public', 'ministry', 'topic', null, 1.5],
  ['inst-keylab', 'institute', 'Phòng Thí nghiệm trọng điểm quốc gia về {topic}', 'National Key Laboratory of {topicEn}', '13.2', 'public', 'ministry', 'topic', null, 0.6],
  ['inst-rd', 'institute', 'Trung tâm Nghiên cứu và Phát triển {topic}', '{topicEn} Research and Development Centre', '13.2', 'public', 'any', 'topic', null, 2],
  ['inst-prov', 'institute', 'Trung tâm Nghiên cứu {topic} {province}', '{provinceEn} {topicEn} Research Centre', '13.2', 'public', 'province', 'topic', null, 2],
  ['inst-station', 'institute', 'Trạm Nghiên cứu Thực nghiệm {topic} {province}', '{provinceEn} Experimental Station for {topicEn}', '13.2', 'public', 'province', 'topic', null, 0.6],
  ['inst-private', 'institute', 'Viện Nghiên cứu và Ứng dụng {topic}', 'Institute for {topicEn} Research and Application', '13.2', 'private', 'province', 'topic', null, 2.5],
  ['inst-private-dev', 'institute', 'Viện Nghiên cứu Phát triển {topic}', 'Institute for {topicEn} Development Research', '13.2', 'private', 'province', 'topic', null, 1],
  ['inst-private-brand', 'institute', 'Trung tâm Nghiên cứu {topic} {brand}', '{brandEn} {topicEn} Research Centre', '13.2', 'private', 'province', 'topic', null, 1.5],
  // Higher education (13.3.x)
  ['uni-public', 'university', 'Trường Đại học {topic} {province}', '{provinceEn} University of {topicEn}', '13.3.1', 'public', 'any', 'discipline', null, 5],
  ['uni-national', 'university', 'Trường Đại học {topic}', 'University of {topicEn}', '13.3.1', 'public', 'ministry', 'discipline', null, 2],
  ['uni-private', 'university', 'Trường Đại học {brand}', '{brandEn} University', '13.3.1', 'private', 'province', 'none', ['502', '102', '299', '302', '503', '602'], 3],
  ['academy', 'academy', 'Học viện {topic}', 'Academy of {topicEn}', '13.3.2', 'public', 'ministry', 'discipline', null, 1],
  ['college', 'college', 'Trường Cao đẳng {topic} {province}', '{provinceEn} College of {topicEn}', '13.3.3', 'public', 'any', 'discipline', null, 3],
  ['college-private', 'college', 'Trường Cao đẳng {brand}', '{brandEn} College', '13.3.3', 'private', 'province', 'none', ['502', '102', '299', '305', '602'], 1.5],
  // S&T service organisations (13.4.x)
  ['svc-info', 'serviceCentre', 'Trung tâm Thông tin và Thống kê KH&CN {province}', '{provinceEn} Centre for Science and Technology Information and Statistics', '13.4.1', 'public', 'province', 'none', ['508'], 0.5, 'Trung tâm Thông tin - Thư viện khu vực {locality}', '{localityEn} Regional Information and Library Centre'],
  ['svc-apply', 'serviceCentre', 'Trung tâm Ứng dụng tiến bộ KH&CN {province}', '{provinceEn} Centre for Application of Science and Technology Advances', '13.4.9', 'public', 'province', 'none', ['406', '299'], 0.5, 'Trung tâm Khuyến nông {locality}', '{localityEn} Agricultural Extension Centre'],
  ['svc-tdc', 'serviceCentre', 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng {province}', '{provinceEn} Technical Centre for Standards, Metrology and Quality', '13.4.6', 'public', 'province', 'none', ['299'], 0.4, 'Trung tâm Kiểm định chất lượng khu vực {locality}', '{localityEn} Regional Quality Inspection Centre'],
  ['svc-monitor', 'serviceCentre', 'Trung tâm Quan trắc Tài nguyên và Môi trường {province}', '{provinceEn} Centre for Natural Resources and Environment Monitoring', '13.4.4', 'public', 'province', 'none', ['207'], 0.4, 'Trạm Quan trắc Môi trường {locality}', '{localityEn} Environmental Monitoring Station'],
  ['svc-lab', 'serviceCentre', 'Trung tâm Phân tích và Kiểm nghiệm {province}', '{provinceEn} Centre for Analysis and Testing', '13.4.10', 'public', 'province', 'none', ['104'], 0.3, 'Phòng Thí nghiệm Phân tích {locality}', '{localityEn} Analytical Laboratory'],
  ['svc-museum', 'serviceCentre', 'Bảo tàng Thiên nhiên {province}', '{provinceEn} Museum of Natural History', '13.4.2', 'public', 'province', 'none', ['106'], 0.1],
  ['svc-survey', 'serviceCentre', 'Trung tâm Khảo sát Xã hội {province}', '{provinceEn} Centre for Social Surveys', '13.4.5', 'public', 'province', 'none', ['504'], 0.2],
  ['svc-publish', 'serviceCentre', 'Trung tâm Biên dịch và Xuất bản Khoa học {province}', '{provinceEn} Centre for Scientific Translation and Publishing', '13.4.3', 'public', 'province', 'none', ['602'], 0.1],
  ['svc-ip', 'serviceCentre', 'Trung tâm Sở hữu trí tuệ và Đổi mới sáng tạo {province}', '{provinceEn} Centre for Intellectual Property and Innovation', '13.4.8', 'public', 'province', 'none', ['505'], 0.2],
  ['svc-transfer', 'serviceCentre', 'Trung tâm Tư vấn và Chuyển giao công nghệ {topic}', 'Centre for {topicEn} Consultancy and Technology Transfer', '13.4.9', 'public', 'any', 'topic', null, 2],
  ['svc-consult', 'serviceCentre', 'Trung tâm Tư vấn KH&CN {topic}', '{topicEn} Science and Technology Consultancy Centre', '13.4.7', 'private', 'province', 'topic', null, 2],
  ['svc-tech', 'serviceCentre', 'Trung tâm Dịch vụ Kỹ thuật {topic} {province}', '{provinceEn} {topicEn} Technical Services Centre', '13.4.10', 'public', 'province', 'topic', null, 2],
  ['svc-ip-office', 'serviceCentre', 'Văn phòng Tư vấn Sở hữu trí tuệ {brand}', '{brandEn} Intellectual Property Consultancy Office', '13.4.8', 'private', 'province', 'none', ['505'], 0.8],
  ['svc-info-min', 'serviceCentre', 'Trung tâm Thông tin {topic}', '{topicEn} Information Centre', '13.4.1', 'public', 'ministry', 'topic', null, 1],
  // Other public non-business units (13.5)
  ['hosp-general', 'hospital', 'Bệnh viện Đa khoa {province}', '{provinceEn} General Hospital', '13.5', 'public', 'province', 'none', ['302'], 0.5, 'Bệnh viện Đa khoa khu vực {locality}', '{localityEn} Regional General Hospital'],
  ['hosp-private', 'hospital', 'Bệnh viện Đa khoa {brand}', '{brandEn} General Hospital', '13.7', 'enterprise', 'province', 'none', ['302'], 1.5],
  ['hosp-prov', 'hospital', 'Bệnh viện {topic} {province}', '{provinceEn} {topicEn} Hospital', '13.5', 'public', 'province', 'specialty', null, 2],
  ['hosp-central', 'hospital', 'Bệnh viện {topic} Trung ương', 'National {topicEn} Hospital', '13.5', 'public', 'ministry', 'specialty', null, 2],
  ['hosp-cdc', 'hospital', 'Trung tâm Kiểm soát bệnh tật {province}', '{provinceEn} Centre for Disease Control', '13.5', 'public', 'province', 'none', ['305'], 0.4, 'Trung tâm Y tế khu vực {locality}', '{localityEn} Regional Health Centre'],
  // State management bodies (13.1)
  ['gov-tdc', 'stateAgency', 'Chi cục Tiêu chuẩn Đo lường Chất lượng {province}', '{provinceEn} Sub-Department of Standards, Metrology and Quality', '13.1', 'public', 'province', 'none', ['299'], 1],
  ['gov-fish', 'stateAgency', 'Chi cục Thủy sản {province}', '{provinceEn} Sub-Department of Fisheries', '13.1', 'public', 'province', 'none', ['405'], 1, 'Trạm Khuyến ngư {locality}', '{localityEn} Fisheries Extension Station'],
  ['gov-forest', 'stateAgency', 'Chi cục Kiểm lâm {province}', '{provinceEn} Forest Protection Sub-Department', '13.1', 'public', 'province', 'none', ['404'], 1, 'Hạt Kiểm lâm {locality}', '{localityEn} Forest Protection Unit'],
  ['gov-crop', 'stateAgency', 'Chi cục Trồng trọt và Bảo vệ thực vật {province}', '{provinceEn} Sub-Department of Crop Production and Plant Protection', '13.1', 'public', 'province', 'none', ['401'], 1, 'Trạm Trồng trọt và Bảo vệ thực vật {locality}', '{localityEn} Crop Production and Plant Protection Station'],
  ['gov-vet', 'stateAgency', 'Chi cục Chăn nuôi và Thú y {province}', '{provinceEn} Sub-Department of Livestock Production and Animal Health', '13.1', 'public', 'province', 'none', ['403'], 1, 'Trạm Chăn nuôi và Thú y {locality}', '{localityEn} Livestock and Veterinary Station'],
  ['gov-env', 'stateAgency', 'Chi cục Bảo vệ môi trường {province}', '{provinceEn} Sub-Department of Environmental Protection', '13.1', 'public', 'province', 'none', ['207'], 1],
  // S&T enterprises (13.6) and other enterprises (13.7)
  ['ste-tech', 'scienceEnterprise', 'Công ty Cổ phần Công nghệ {brand}', '{brandEn} Technology Joint Stock Company', '13.6', 'enterprise', 'province', 'businessTopic', null, 2],
  ['ste-kh', 'scienceEnterprise', 'Công ty TNHH Khoa học và Công nghệ {brand}', '{brandEn} Science and Technology Company Limited', '13.6', 'enterprise', 'province', 'businessTopic', null, 2],
  ['ste-apply', 'scienceEnterprise', 'Công ty Cổ phần Ứng dụng {topic} {brand}', '{brandEn} Applied {topicEn} Joint Stock Company', '13.6', 'enterprise', 'province', 'businessTopic', null, 2],
  ['co-jsc', 'company', 'Công ty Cổ phần {topic} {brand}', '{brandEn} {topicEn} Joint Stock Company', '13.7', 'enterprise', 'province', 'businessTopic', null, 4],
  ['co-ltd', 'company', 'Công ty TNHH {topic} {brand}', '{brandEn} {topicEn} Company Limited', '13.7', 'enterprise', 'province', 'businessTopic', null, 4],
  ['co-invest', 'company', 'Công ty Cổ phần Đầu tư và Phát triển {topic} {brand}', '{brandEn} {topicEn} Investment and Development Joint Stock Company', '13.7', 'enterprise', 'province', 'businessTopic', null, 1.5],
]);

const tiers = (junior: string[], mid: string[], senior: string[], lead: string[]): PositionTiers =>
  Object.freeze({ junior: names(junior), mid: names(mid), senior: names(senior), lead: names(lead) });

const ACADEMIC_POSITIONS = tiers(
  ['Trợ giảng', 'Giảng viên'],
  ['Giảng viên', 'Giảng viên chính', 'Trưởng bộ môn'],
  ['Giảng viên cao cấp', 'Giảng viên chính', 'Trưởng khoa', 'Phó Trưởng khoa'],
  ['Hiệu trưởng', 'Phó Hiệu trưởng', 'Trưởng khoa', 'Giám đốc Trung tâm'],
);

const RESEARCH_POSITIONS = tiers(
  ['Trợ lý nghiên cứu', 'Nghiên cứu viên'],
  ['Nghiên cứu viên', 'Nghiên cứu viên chính', 'Phó Trưởng phòng'],
  ['Nghiên cứu viên cao cấp', 'Nghiên cứu viên chính', 'Trưởng phòng'],
  ['Viện trưởng', 'Phó Viện trưởng', 'Giám đốc', 'Phó Giám đốc'],
);

const SERVICE_POSITIONS = tiers(
  ['Chuyên viên', 'Kỹ sư', 'Kỹ thuật viên'],
  ['Chuyên viên', 'Kỹ sư chính', 'Phó Trưởng phòng'],
  ['Chuyên viên chính', 'Trưởng phòng', 'Chuyên viên cao cấp'],
  ['Giám đốc', 'Phó Giám đốc'],
);

const STATE_POSITIONS = tiers(
  ['Chuyên viên', 'Kiểm soát viên'],
  ['Chuyên viên', 'Phó Trưởng phòng'],
  ['Chuyên viên chính', 'Trưởng phòng'],
  ['Chi cục trưởng', 'Phó Chi cục trưởng'],
);

const MEDICAL_POSITIONS = tiers(
  ['Bác sĩ', 'Dược sĩ', 'Điều dưỡng'],
  ['Bác sĩ', 'Bác sĩ chính', 'Phó Trưởng khoa'],
  ['Bác sĩ cao cấp', 'Bác sĩ chính', 'Trưởng khoa'],
  ['Giám đốc', 'Phó Giám đốc'],
);

const ENTERPRISE_POSITIONS = tiers(
  ['Kỹ sư', 'Chuyên viên nghiên cứu và phát triển'],
  ['Kỹ sư chính', 'Trưởng nhóm nghiên cứu'],
  ['Trưởng phòng Nghiên cứu và Phát triển', 'Kỹ sư trưởng'],
  ['Giám đốc', 'Giám đốc kỹ thuật', 'Phó Giám đốc'],
);

/** Job titles (chức danh/chức vụ) by organisation category and seniority tier. */
export const POSITIONS: Readonly<Record<OrgCategory, PositionTiers>> = Object.freeze({
  institute: RESEARCH_POSITIONS,
  university: ACADEMIC_POSITIONS,
  academy: ACADEMIC_POSITIONS,
  college: ACADEMIC_POSITIONS,
  serviceCentre: SERVICE_POSITIONS,
  hospital: MEDICAL_POSITIONS,
  stateAgency: STATE_POSITIONS,
  scienceEnterprise: ENTERPRISE_POSITIONS,
  company: ENTERPRISE_POSITIONS,
});
