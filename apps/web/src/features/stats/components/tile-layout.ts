/**
 * A tile-grid map of Vietnam's 34 provincial units (from 1 July 2025, Resolution 202/2025/QH15): each province one
 * square tile placed roughly at its geographic position, north at the top (column 0 = west). Codes are the
 * administrative codes of the org-unit registry.
 */

/** One tile: the province code, its short names and its grid position. */
export interface ProvinceTile {
  code: string;
  shortVi: string;
  shortEn: string;
  col: number;
  row: number;
}

/** The 34 current provinces on the grid, north to south. */
export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { code: '12', shortVi: 'Lai Châu', shortEn: 'Lai Chau', col: 1, row: 0 },
  { code: '15', shortVi: 'Lào Cai', shortEn: 'Lao Cai', col: 2, row: 0 },
  { code: '08', shortVi: 'Tuyên Quang', shortEn: 'Tuyen Quang', col: 3, row: 0 },
  { code: '04', shortVi: 'Cao Bằng', shortEn: 'Cao Bang', col: 4, row: 0 },
  { code: '11', shortVi: 'Điện Biên', shortEn: 'Dien Bien', col: 0, row: 1 },
  { code: '14', shortVi: 'Sơn La', shortEn: 'Son La', col: 1, row: 1 },
  { code: '25', shortVi: 'Phú Thọ', shortEn: 'Phu Tho', col: 2, row: 1 },
  { code: '19', shortVi: 'Thái Nguyên', shortEn: 'Thai Nguyen', col: 3, row: 1 },
  { code: '20', shortVi: 'Lạng Sơn', shortEn: 'Lang Son', col: 4, row: 1 },
  { code: '01', shortVi: 'Hà Nội', shortEn: 'Ha Noi', col: 2, row: 2 },
  { code: '24', shortVi: 'Bắc Ninh', shortEn: 'Bac Ninh', col: 3, row: 2 },
  { code: '22', shortVi: 'Quảng Ninh', shortEn: 'Quang Ninh', col: 4, row: 2 },
  { code: '37', shortVi: 'Ninh Bình', shortEn: 'Ninh Binh', col: 2, row: 3 },
  { code: '33', shortVi: 'Hưng Yên', shortEn: 'Hung Yen', col: 3, row: 3 },
  { code: '31', shortVi: 'Hải Phòng', shortEn: 'Hai Phong', col: 4, row: 3 },
  { code: '38', shortVi: 'Thanh Hóa', shortEn: 'Thanh Hoa', col: 2, row: 4 },
  { code: '40', shortVi: 'Nghệ An', shortEn: 'Nghe An', col: 2, row: 5 },
  { code: '42', shortVi: 'Hà Tĩnh', shortEn: 'Ha Tinh', col: 3, row: 5 },
  { code: '44', shortVi: 'Quảng Trị', shortEn: 'Quang Tri', col: 3, row: 6 },
  { code: '46', shortVi: 'Huế', shortEn: 'Hue', col: 4, row: 6 },
  { code: '48', shortVi: 'Đà Nẵng', shortEn: 'Da Nang', col: 4, row: 7 },
  { code: '51', shortVi: 'Quảng Ngãi', shortEn: 'Quang Ngai', col: 5, row: 7 },
  { code: '52', shortVi: 'Gia Lai', shortEn: 'Gia Lai', col: 5, row: 8 },
  { code: '66', shortVi: 'Đắk Lắk', shortEn: 'Dak Lak', col: 5, row: 9 },
  { code: '68', shortVi: 'Lâm Đồng', shortEn: 'Lam Dong', col: 4, row: 10 },
  { code: '56', shortVi: 'Khánh Hòa', shortEn: 'Khanh Hoa', col: 5, row: 10 },
  { code: '80', shortVi: 'Tây Ninh', shortEn: 'Tay Ninh', col: 2, row: 11 },
  { code: '75', shortVi: 'Đồng Nai', shortEn: 'Dong Nai', col: 3, row: 11 },
  { code: '91', shortVi: 'An Giang', shortEn: 'An Giang', col: 1, row: 12 },
  { code: '82', shortVi: 'Đồng Tháp', shortEn: 'Dong Thap', col: 2, row: 12 },
  { code: '79', shortVi: 'TP. Hồ Chí Minh', shortEn: 'Ho Chi Minh City', col: 3, row: 12 },
  { code: '92', shortVi: 'Cần Thơ', shortEn: 'Can Tho', col: 1, row: 13 },
  { code: '86', shortVi: 'Vĩnh Long', shortEn: 'Vinh Long', col: 2, row: 13 },
  { code: '96', shortVi: 'Cà Mau', shortEn: 'Ca Mau', col: 1, row: 14 },
];

/** The grid's size in tiles. */
export const GRID_SIZE = {
  cols: Math.max(...PROVINCE_TILES.map((t) => t.col)) + 1,
  rows: Math.max(...PROVINCE_TILES.map((t) => t.row)) + 1,
};

/** The tile of a province code, if it is one of the 34. */
export function tileOf(code: string): ProvinceTile | undefined {
  return PROVINCE_TILES.find((t) => t.code === code);
}

/** A sequential 5-class blue scale, light to dark, with the text color readable on each (WCAG AA). */
export const SCALE_COLORS: readonly { fill: string; text: string }[] = [
  { fill: '#eff3ff', text: '#1a1b1e' },
  { fill: '#c6dbef', text: '#1a1b1e' },
  { fill: '#9ecae1', text: '#1a1b1e' },
  { fill: '#2171b5', text: '#ffffff' },
  { fill: '#08306b', text: '#ffffff' },
];

/** One class of the scale: values in [from, to] (the last class includes `to`). */
export interface ScaleClass {
  from: number;
  to: number;
}

/**
 * Equal-interval classes from the smallest to the largest value (at most `count`; a single class when all values
 * are equal; none without values). Bounds are rounded to whole numbers when the values are whole.
 */
export function scaleClasses(values: readonly number[], count = SCALE_COLORS.length): ScaleClass[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [{ from: min, to: max }];
  const whole = values.every((v) => Number.isInteger(v));
  const n = whole ? Math.min(count, max - min + 1) : count;
  const step = (max - min) / n;
  const out: ScaleClass[] = [];
  for (let i = 0; i < n; i++) {
    const from = i === 0 ? min : (out[i - 1] as ScaleClass).to + (whole ? 1 : 0);
    const raw = i === n - 1 ? max : min + step * (i + 1);
    const to = whole ? Math.max(from, Math.floor(raw)) : raw;
    out.push({ from, to });
  }
  return out;
}

/** The index of the class a value falls in (-1 outside every class). */
export function classIndex(value: number, classes: readonly ScaleClass[]): number {
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i] as ScaleClass;
    const next = classes[i + 1];
    if (value >= c.from && (next && next.from === c.to ? value < c.to : value <= c.to)) return i;
  }
  return -1;
}

/** The color of a class when there are `classes` classes, spread over the scale. */
export function classColor(index: number, classes: number): { fill: string; text: string } {
  const n = SCALE_COLORS.length;
  const at = classes <= 1 ? n - 2 : Math.round((index * (n - 1)) / (classes - 1));
  return SCALE_COLORS[Math.min(n - 1, Math.max(0, at))] as { fill: string; text: string };
}
