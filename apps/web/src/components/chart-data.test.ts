import { describe, expect, it } from 'vitest';
import { cellText, chartCsv, drawnRows } from './chart-data';

describe('chart data', () => {
  const rows = [
    { label: 'Hà Nội', value: 12 },
    { label: 'Huế, "cũ"', value: null, suppressed: true },
    { label: 'Cà Mau', value: null },
  ];

  it('writes CSV with a BOM, quoting where needed, x for withheld cells and empty for no number', () => {
    expect(chartCsv('Tỉnh', 'Số người', rows)).toBe('\uFEFFTỉnh,Số người\r\nHà Nội,12\r\n"Huế, ""cũ""",x\r\nCà Mau,\r\n');
  });

  it('draws only the rows with a number that is not withheld', () => {
    expect(drawnRows(rows).map((r) => r.label)).toEqual(['Hà Nội']);
    expect(rows.map((r) => cellText(r))).toEqual(['12', 'x', '']);
  });
});

describe('chart data symbols', () => {
  it('writes the published symbols: c for withheld, .. for no data', async () => {
    const { PUBLIC_SYMBOLS } = await import('./chart-data');
    const rows = [
      { label: '2023', value: 5 },
      { label: '2024', value: null, suppressed: true },
      { label: '2025', value: null },
    ];
    expect(chartCsv('Năm', 'Số người', rows, PUBLIC_SYMBOLS)).toBe('\uFEFFNăm,Số người\r\n2023,5\r\n2024,c\r\n2025,..\r\n');
    expect(rows.map((r) => cellText(r, String, PUBLIC_SYMBOLS))).toEqual(['5', 'c', '..']);
  });
});
