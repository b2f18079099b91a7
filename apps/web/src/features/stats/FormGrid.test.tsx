import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MantineProvider } from '@mantine/core';
import { cell, cellKey, type CellIssue, type CellMap, type CellValue, type FormDefinition } from '@stinet/shared';
import { formOf } from '@stinet/shared/node';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { FormGrid } from './FormGrid';

const FORM_02_CS_2015 = formOf('02/CS-KHCN');
const FORM_04_CS_2015 = formOf('04/CS-KHCN');

/**
 * The web unit tests run in Node without a DOM (no jsdom / Testing Library installed), so the grid is checked on its
 * server-rendered markup: structure, accessible names, ARIA wiring of the messages, the summary and the legend.
 * Keyboard, paste and parsing behaviour is tested on the pure functions in grid-logic.test.ts.
 */

function render(
  definition: FormDefinition,
  opts: { cells?: CellMap; issues?: CellIssue[]; lng?: 'vi' | 'en'; readOnly?: boolean; previous?: CellMap; selfValidate?: boolean } = {},
): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: opts.lng ?? 'vi',
    fallbackLng: 'vi',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(
    <MantineProvider>
      <I18nextProvider i18n={i18n}>
        <FormGrid
          definition={definition}
          cells={opts.cells ?? new Map()}
          onChange={() => undefined}
          issues={opts.selfValidate ? undefined : (opts.issues ?? [])}
          readOnly={opts.readOnly}
          previous={opts.previous}
        />
      </I18nextProvider>
    </MantineProvider>,
  );
}

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

function inputOf(html: string, ariaLabelStart: string): string {
  const escaped = ariaLabelStart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = html.match(new RegExp(`<input[^>]*aria-label="${escaped}[^"]*"[^>]*/?>`));
  if (!m) throw new Error(`no input labelled ${ariaLabelStart}`);
  return m[0];
}

function attr(tag: string, name: string): string | undefined {
  return tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
}

describe('FormGrid markup', () => {
  it('renders form 04 (38 × 6) as a real table with caption, headers and one decimal input per cell', () => {
    const html = render(FORM_04_CS_2015);
    expect(FORM_04_CS_2015.rows).toHaveLength(38);
    expect(html).toContain(`<caption class="`);
    expect(html).toContain(`04/CS-KHCN — ${FORM_04_CS_2015.titleVi}`);
    expect(count(html, /<th scope="col"/g)).toBe(2 + FORM_04_CS_2015.columns.length);
    expect(count(html, /<th scope="row"/g)).toBe(38);
    expect(count(html, /<input /g)).toBe(38 * 6);
    expect(count(html, /inputMode="decimal"|inputmode="decimal"/g)).toBe(38 * 6);
    expect(html).toContain('Mã số');
    expect(html).toContain('Chỉ tiêu');
    expect(html).toContain('số lượng');
    expect(html).toContain('title="Đơn vị tính: số lượng"');
  });

  it('names every input by its row and column and indents rows by depth', () => {
    const html = render(FORM_02_CS_2015);
    const input = inputOf(html, '04 Dân tộc Kinh — Tiến sĩ');
    expect(attr(input, 'aria-invalid')).toBeUndefined();
    expect(attr(input, 'aria-describedby')).toBeUndefined();
    expect(html).toMatch(/<th scope="row"[^>]*padding-inline-start:2\.9rem[^>]*>Dân tộc Kinh<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*padding-inline-start:0\.4rem[^>]*>Tổng số<\/th>/);
    expect(html).toContain('người');
  });

  it('shows the four cell contents distinctly, in the locale of the interface', () => {
    const cells = new Map<string, CellValue>([
      [cellKey('01', 'C1'), cell.value(1234.5)],
      [cellKey('01', 'C2'), cell.value(0)],
      [cellKey('01', 'C3'), cell.notApplicable()],
      [cellKey('01', 'C4'), cell.confidential(12)],
    ]);
    const htmlVi = render(FORM_02_CS_2015, { cells });
    expect(attr(inputOf(htmlVi, '01 Tổng số — Tổng số'), 'value')).toBe('1234,5');
    expect(attr(inputOf(htmlVi, '01 Tổng số — Tiến sĩ'), 'value')).toBe('0');
    expect(attr(inputOf(htmlVi, '01 Tổng số — Thạc sĩ'), 'value')).toBe('x');
    expect(attr(inputOf(htmlVi, '01 Tổng số — Thạc sĩ'), 'title')).toBe('Không áp dụng');
    expect(attr(inputOf(htmlVi, '01 Tổng số — Đại học'), 'value')).toBe('c12');
    expect(attr(inputOf(htmlVi, '01 Tổng số — Đại học'), 'title')).toBe('Bảo mật');
    expect(attr(inputOf(htmlVi, '01 Tổng số — Cao đẳng'), 'value')).toBe('');
    const htmlEn = render(FORM_02_CS_2015, { cells, lng: 'en' });
    expect(attr(inputOf(htmlEn, '01 Total — Total'), 'value')).toBe('1234.5');
    expect(htmlEn).toContain(`02/CS-KHCN — ${FORM_02_CS_2015.titleEn.replace('&', '&amp;')}`);
  });

  it('wires cell messages to their input (aria-invalid, aria-describedby) and summarises them above the grid', () => {
    const issues: CellIssue[] = [
      { row: '01', column: 'C1', ruleId: 'qualification_sum', severity: 'error', messageVi: 'Tổng số phải bằng tổng theo trình độ. (10 ≠ 9)', messageEn: 'The total must equal the sum by qualification. (10 ≠ 9)' },
      { row: '03', column: 'C2', ruleId: 'outlier_yoy', severity: 'warning', messageVi: 'Giá trị thay đổi bất thường', messageEn: 'Unusual change' },
    ];
    const html = render(FORM_02_CS_2015, { issues });
    const total = inputOf(html, '01 Tổng số — Tổng số');
    expect(attr(total, 'aria-invalid')).toBe('true');
    const describedBy = attr(total, 'aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(html).toMatch(new RegExp(`<div id="${describedBy}"[^>]*><div class="[^"]*">Tổng số phải bằng tổng theo trình độ\\. \\(10 ≠ 9\\)</div></div>`));
    const warned = inputOf(html, '03 Người Việt Nam — Tiến sĩ');
    expect(attr(warned, 'aria-invalid')).toBeUndefined();
    expect(attr(warned, 'aria-describedby')).toBeTruthy();
    expect(html).toContain('1 lỗi, 1 cảnh báo');
    expect(html).toContain('<button type="button"');
    expect(html).toContain('Lỗi: Dòng 01 Tổng số, cột Tổng số: Tổng số phải bằng tổng theo trình độ. (10 ≠ 9)');
    expect(html.indexOf('1 lỗi, 1 cảnh báo')).toBeLessThan(html.indexOf('<table'));
    expect(html.indexOf('Lỗi: Dòng 01')).toBeLessThan(html.indexOf('Cảnh báo: Dòng 03'));
    const htmlEn = render(FORM_02_CS_2015, { issues, lng: 'en' });
    expect(htmlEn).toContain('1 errors, 1 warnings');
    expect(htmlEn).toContain('Warning: Row 03 Vietnamese, column Doctorate: Unusual change');
  });

  it('says so when there is nothing to fix', () => {
    expect(render(FORM_02_CS_2015)).toContain('Không có lỗi hay cảnh báo.');
  });

  it('validates itself with the shared engine when no issues are passed (live totals)', () => {
    const cells = new Map<string, CellValue>([
      [cellKey('01', 'C1'), cell.value(10)],
      ...['C2', 'C3', 'C4', 'C5', 'C6', 'C7'].map((c): [string, CellValue] => [cellKey('01', c), cell.value(1)]),
    ]);
    const html = render(FORM_02_CS_2015, { cells, selfValidate: true });
    expect(html).toContain('1 lỗi, 0 cảnh báo');
    expect(html).toContain('Tổng số phải bằng tổng theo trình độ. (10 ≠ 6)');
    expect(attr(inputOf(html, '01 Tổng số — Tổng số'), 'aria-invalid')).toBe('true');
  });

  it('flags year-on-year outliers as warnings when validating itself with last year', () => {
    const cells = new Map<string, CellValue>([[cellKey('02', 'C1'), cell.value(200)]]);
    const previous = new Map<string, CellValue>([[cellKey('02', 'C1'), cell.value(20)]]);
    const html = render(FORM_02_CS_2015, { cells, previous, selfValidate: true });
    expect(html).toContain('0 lỗi, 1 cảnh báo');
    expect(html).toContain('Giá trị thay đổi bất thường so với năm trước (20 → 200)');
  });

  it('makes every input read-only for a locked report', () => {
    const html = render(FORM_02_CS_2015, { readOnly: true });
    expect(count(html, /<input [^>]*readOnly=""|<input [^>]*readonly=""/g)).toBe(FORM_02_CS_2015.rows.length * FORM_02_CS_2015.columns.length);
  });

  it('documents the special entries in a legend under the grid', () => {
    const html = render(FORM_02_CS_2015);
    expect(html.indexOf('Cách nhập số liệu')).toBeGreaterThan(html.indexOf('</table>'));
    expect(html).toContain('“-” hoặc “x”: không áp dụng.');
    expect(html).toContain('“c” đứng trước số');
    expect(html).toContain('0: giá trị bằng không');
    expect(html).toMatch(/<table[^>]*aria-describedby="[^"]+-legend"/);
  });
});
