import { OPEN_DATA_FORMAT_VERSION, type OpenDataDictionary, type OpenDataDictionaryField, type OpenDataEntityType } from '@stinet/shared';
import type { z } from 'zod';
import { columnsOf, typeLabel } from './open-data.format.js';

/**
 * Descriptions (vi/en) and examples of the open-data fields. Field names and types are derived from the public zod
 * schemas; {@link buildDictionary} fails when a field has no description here or a description names no field, so
 * the dictionary cannot drift from the data.
 */

/** A description of one field (or of a nested object, used as the prefix of its sub-fields). */
export interface FieldText {
  vi: string;
  en: string;
  example?: string;
}

const UNIT_REF: Record<string, FieldText> = {
  id: { vi: 'mã định danh (UUID)', en: 'identifier (UUID)', example: '0b6f3c1e-5d7a-4c39-9a51-2f1e8d4b7c60' },
  kind: { vi: 'cấp: quốc gia, bộ/ngành hoặc tỉnh/thành phố', en: 'level: national, ministry or province', example: 'province' },
  code: { vi: 'mã đơn vị', en: 'unit code', example: '01' },
  nameVi: { vi: 'tên tiếng Việt', en: 'Vietnamese name', example: 'Thành phố Hà Nội' },
  nameEn: { vi: 'tên tiếng Anh', en: 'English name', example: 'Ha Noi City' },
};
const ORG_REF: Record<string, FieldText> = {
  id: { vi: 'mã định danh (UUID)', en: 'identifier (UUID)', example: '7d2a9e40-1c3b-4f8e-b6a2-95c0d1e3f4a7' },
  code: { vi: 'mã tổ chức', en: 'organization code', example: 'ORG0000123' },
  nameVi: { vi: 'tên tiếng Việt', en: 'Vietnamese name', example: 'Viện Công nghệ Thông tin' },
};
const TASK_REF: Record<string, FieldText> = {
  id: { vi: 'mã định danh (UUID)', en: 'identifier (UUID)', example: '3f9b2c71-8e4d-4a06-b1c5-7e2d9a0f6b38' },
  code: { vi: 'mã nhiệm vụ', en: 'task code', example: 'ĐTĐL.CN-12/24' },
  titleVi: { vi: 'tên nhiệm vụ', en: 'task title', example: 'Nghiên cứu công nghệ xử lý nước thải' },
  levelCode: { vi: 'cấp quản lý (mã danh mục TASK_LEVEL)', en: 'management level (TASK_LEVEL code)', example: 'QG' },
  fieldCodes2025: { vi: 'lĩnh vực nghiên cứu (mã FOS2025)', en: 'fields of research (FOS2025 codes)', example: '20201; 20203' },
};

type Texts = Record<string, FieldText | { prefix: FieldText; sub: Record<string, FieldText> }>;

const TEXTS: Record<OpenDataEntityType, { fileBase: string; titleVi: string; titleEn: string; fields: Texts }> = {
  organization: {
    fileBase: 'organizations',
    titleVi: 'Tổ chức khoa học và công nghệ',
    titleEn: 'S&T organizations',
    fields: {
      id: { vi: 'Mã định danh (UUID)', en: 'Identifier (UUID)', example: '7d2a9e40-1c3b-4f8e-b6a2-95c0d1e3f4a7' },
      code: { vi: 'Mã tổ chức', en: 'Organization code', example: 'ORG0000123' },
      nameVi: { vi: 'Tên tiếng Việt', en: 'Vietnamese name', example: 'Viện Công nghệ Thông tin' },
      nameAbbr: { vi: 'Tên viết tắt', en: 'Abbreviation', example: 'IOIT' },
      nameEn: { vi: 'Tên tiếng Anh', en: 'English name', example: 'Institute of Information Technology' },
      address: { vi: 'Địa chỉ trụ sở', en: 'Address', example: '18 Hoàng Quốc Việt, Cầu Giấy, Hà Nội' },
      provinceUnit: { prefix: { vi: 'Tỉnh/thành phố nơi đặt trụ sở', en: 'Province of the head office' }, sub: UNIT_REF },
      managingUnit: { prefix: { vi: 'Cơ quan quản lý (bộ/ngành hoặc tỉnh)', en: 'Managing authority (ministry or province)' }, sub: UNIT_REF },
      phone: { vi: 'Điện thoại của tổ chức', en: 'Organization phone', example: '024 3756 0000' },
      email: { vi: 'Thư điện tử của tổ chức', en: 'Organization e-mail', example: 'vanphong@ioit.ac.vn' },
      website: { vi: 'Trang thông tin điện tử', en: 'Website', example: 'https://ioit.ac.vn' },
      foundingDate: { vi: 'Ngày thành lập', en: 'Founding date', example: '1976-12-20' },
      orgTypeCode: { vi: 'Loại hình tổ chức (mã danh mục ORG_TYPE)', en: 'Organization type (ORG_TYPE code)', example: '1.1' },
      economicTypeCode: { vi: 'Loại hình kinh tế (mã danh mục ECONOMIC_TYPE)', en: 'Economic type (ECONOMIC_TYPE code)', example: '1' },
      mainFieldCode: { vi: 'Lĩnh vực hoạt động chính (mã FOS2025)', en: 'Main field of activity (FOS2025 code)', example: '102' },
      updatedAt: { vi: 'Thời điểm cập nhật gần nhất (ISO 8601, UTC)', en: 'Last update (ISO 8601, UTC)', example: '2026-05-04T08:15:30.000Z' },
    },
  },
  researcher: {
    fileBase: 'researchers',
    titleVi: 'Nhân lực khoa học và công nghệ (thông tin công khai)',
    titleEn: 'S&T researchers (public fields)',
    fields: {
      id: { vi: 'Mã định danh (UUID)', en: 'Identifier (UUID)', example: '5c1d8e2f-3a4b-4c6d-8e9f-0a1b2c3d4e5f' },
      code: { vi: 'Mã nhà khoa học', en: 'Researcher code', example: 'NKH0004567' },
      fullName: { vi: 'Họ và tên', en: 'Full name', example: 'Nguyễn Thị Lan' },
      qualificationCode: { vi: 'Trình độ chuyên môn (mã danh mục QUALIFICATION)', en: 'Qualification (QUALIFICATION code)', example: 'TS' },
      academicTitleCode: { vi: 'Chức danh khoa học (mã danh mục ACADEMIC_TITLE)', en: 'Academic title (ACADEMIC_TITLE code)', example: 'PGS' },
      fieldCode: { vi: 'Lĩnh vực nghiên cứu (mã FOS2025)', en: 'Field of research (FOS2025 code)', example: '10201' },
      organization: { prefix: { vi: 'Tổ chức công tác', en: 'Employing organization' }, sub: ORG_REF },
      position: { vi: 'Chức vụ', en: 'Position', example: 'Trưởng phòng' },
      orcid: { vi: 'Mã ORCID', en: 'ORCID iD', example: '0000-0002-1825-0097' },
      updatedAt: { vi: 'Thời điểm cập nhật gần nhất (ISO 8601, UTC)', en: 'Last update (ISO 8601, UTC)', example: '2026-05-04T08:15:30.000Z' },
    },
  },
  task: {
    fileBase: 'tasks',
    titleVi: 'Nhiệm vụ KH&CN đang tiến hành (các trường công khai theo Điều 23 khoản 2 Thông tư 14/2014/TT-BKHCN)',
    titleEn: 'Ongoing S&T tasks (public fields of Circular 14/2014 Art 23(2))',
    fields: {
      id: { vi: 'Mã định danh (UUID)', en: 'Identifier (UUID)', example: '3f9b2c71-8e4d-4a06-b1c5-7e2d9a0f6b38' },
      code: { vi: 'Mã số nhiệm vụ', en: 'Task code', example: 'ĐTĐL.CN-12/24' },
      titleVi: { vi: 'Tên nhiệm vụ', en: 'Task title', example: 'Nghiên cứu công nghệ xử lý nước thải' },
      leadOrganization: { prefix: { vi: 'Tổ chức chủ trì', en: 'Lead organization' }, sub: ORG_REF },
      piName: { vi: 'Chủ nhiệm nhiệm vụ', en: 'Principal investigator', example: 'TS. Lê Văn An' },
      objectives: { vi: 'Mục tiêu', en: 'Objectives', example: 'Làm chủ công nghệ …' },
      content: { vi: 'Nội dung chính', en: 'Main content', example: 'Khảo sát, thiết kế, thử nghiệm …' },
      fieldCodes2025: { vi: 'Lĩnh vực nghiên cứu (mã FOS2025)', en: 'Fields of research (FOS2025 codes)', example: '20201; 20203' },
      methods: { vi: 'Phương pháp nghiên cứu', en: 'Research methods', example: 'Thực nghiệm' },
      expectedProducts: { vi: 'Sản phẩm dự kiến', en: 'Expected products', example: 'Quy trình công nghệ; mô hình trình diễn' },
      startDate: { vi: 'Ngày bắt đầu', en: 'Start date', example: '2026-01-01' },
      endDate: { vi: 'Ngày kết thúc', en: 'End date', example: '2027-12-31' },
      publishedAt: { vi: 'Thời điểm công bố (ISO 8601, UTC)', en: 'Publication time (ISO 8601, UTC)', example: '2026-03-10T02:00:00.000Z' },
    },
  },
  result: {
    fileBase: 'results',
    titleVi: 'Kết quả thực hiện nhiệm vụ KH&CN đã đăng ký',
    titleEn: 'Registered results of S&T tasks',
    fields: {
      id: { vi: 'Mã định danh (UUID)', en: 'Identifier (UUID)', example: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a' },
      resultTitleVi: { vi: 'Tên kết quả', en: 'Result title', example: 'Báo cáo tổng hợp kết quả nhiệm vụ' },
      abstractVi: { vi: 'Tóm tắt', en: 'Abstract', example: 'Nhiệm vụ đã xây dựng …' },
      keywords: { vi: 'Từ khóa', en: 'Keywords', example: 'nước thải; xử lý sinh học' },
      task: { prefix: { vi: 'Nhiệm vụ', en: 'Task' }, sub: TASK_REF },
      leadOrganization: { prefix: { vi: 'Tổ chức chủ trì', en: 'Lead organization' }, sub: ORG_REF },
      piName: { vi: 'Chủ nhiệm nhiệm vụ', en: 'Principal investigator', example: 'TS. Lê Văn An' },
      authorityUnit: { prefix: { vi: 'Cơ quan đăng ký kết quả', en: 'Registering authority' }, sub: UNIT_REF },
      registeredAt: { vi: 'Thời điểm đăng ký (ISO 8601, UTC)', en: 'Registration time (ISO 8601, UTC)', example: '2026-11-20T03:00:00.000Z' },
      archiveNo: { vi: 'Số lưu trữ (ký hiệu xếp giá)', en: 'Archive number', example: '2026-01-0042' },
      certificateNumber: { vi: 'Số Giấy chứng nhận đăng ký kết quả', en: 'Registration certificate number', example: '42/2026/GCN-01' },
    },
  },
};

/** File base name, titles of an entity type. */
export function entityTexts(type: OpenDataEntityType): { fileBase: string; titleVi: string; titleEn: string } {
  const { fileBase, titleVi, titleEn } = TEXTS[type];
  return { fileBase, titleVi, titleEn };
}

function textOf(type: OpenDataEntityType, path: string[]): FieldText {
  const [top, ...rest] = path;
  const entry = TEXTS[type].fields[top ?? ''];
  if (!entry) throw new Error(`open data: no description of ${type}.${path.join('.')}`);
  if (!('prefix' in entry)) {
    if (rest.length) throw new Error(`open data: ${type}.${top} is described as a value but is an object`);
    return entry;
  }
  const sub = entry.sub[rest.join('.')];
  if (!sub) throw new Error(`open data: no description of ${type}.${path.join('.')}`);
  return { vi: `${entry.prefix.vi}: ${sub.vi}`, en: `${entry.prefix.en}: ${sub.en}`, ...(sub.example === undefined ? {} : { example: sub.example }) };
}

/** The dictionary fields of one entity type, from its public schema. Throws on an undescribed or stale entry. */
export function dictionaryFields(type: OpenDataEntityType, schema: z.ZodType): OpenDataDictionaryField[] {
  const cols = columnsOf(schema);
  const tops = new Set(cols.map((c) => c.path[0]));
  const stale = Object.keys(TEXTS[type].fields).filter((k) => !tops.has(k));
  if (stale.length) throw new Error(`open data: ${type} describes fields the public schema does not have: ${stale.join(', ')}`);
  return cols.map((c) => {
    const text = textOf(type, c.path);
    return { field: c.name, type: typeLabel(c), nullable: c.nullable, descriptionVi: text.vi, descriptionEn: text.en, example: text.example ?? '' };
  });
}

/** The whole data dictionary for the given public schemas. */
export function buildDictionary(schemas: Record<OpenDataEntityType, z.ZodType>): OpenDataDictionary {
  return {
    formatVersion: OPEN_DATA_FORMAT_VERSION,
    entities: (Object.keys(schemas) as OpenDataEntityType[]).map((type) => ({ entityType: type, ...entityTexts(type), fields: dictionaryFields(type, schemas[type]) })),
  };
}
