import { describe, expect, it } from 'vitest';
import { ORG_UNITS } from '../../../../../server/src/seed/data/org-units';
import { classColor, classIndex, GRID_SIZE, PROVINCE_TILES, scaleClasses, SCALE_COLORS, tileOf } from './tile-layout';

describe('the province tile map', () => {
  const current = ORG_UNITS.filter((u) => u.kind === 'province' && u.validTo === null);

  it('places every current province exactly once, each at its own position', () => {
    expect(current).toHaveLength(34);
    expect(PROVINCE_TILES.map((t) => t.code).sort()).toEqual(current.map((u) => u.code).sort());
    const positions = new Set(PROVINCE_TILES.map((t) => `${t.col},${t.row}`));
    expect(positions.size).toBe(PROVINCE_TILES.length);
    for (const t of PROVINCE_TILES) {
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(GRID_SIZE.cols);
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(GRID_SIZE.rows);
      const unit = current.find((u) => u.code === t.code);
      expect(unit?.nameVi.endsWith(t.shortVi.replace('TP. ', ''))).toBe(true);
    }
    expect(tileOf('01')?.shortVi).toBe('Hà Nội');
    expect(tileOf('02')).toBeUndefined();
  });

  it('keeps north at the top: Hà Nội above Huế above Hồ Chí Minh above Cà Mau', () => {
    const row = (code: string) => tileOf(code)?.row ?? -1;
    expect(row('01')).toBeLessThan(row('46'));
    expect(row('46')).toBeLessThan(row('79'));
    expect(row('79')).toBeLessThan(row('96'));
  });

  it('splits values into equal-interval classes that cover every value once', () => {
    expect(scaleClasses([])).toEqual([]);
    expect(scaleClasses([7, 7])).toEqual([{ from: 7, to: 7 }]);
    expect(scaleClasses([1, 3])).toEqual([
      { from: 1, to: 1 },
      { from: 2, to: 2 },
      { from: 3, to: 3 },
    ]);
    const values = [0, 12, 40, 99, 100, 116, 167, 1060];
    const classes = scaleClasses(values);
    expect(classes).toHaveLength(SCALE_COLORS.length);
    expect(classes[0]?.from).toBe(0);
    expect(classes.at(-1)?.to).toBe(1060);
    for (const v of values) expect(classIndex(v, classes)).toBeGreaterThanOrEqual(0);
    expect(classIndex(1060, classes)).toBe(classes.length - 1);
    expect(classIndex(0, classes)).toBe(0);
    const fractional = scaleClasses([0.5, 1.5]);
    expect(classIndex(1.5, fractional)).toBe(fractional.length - 1);
    expect(classIndex(0.6, fractional)).toBe(0);
    expect(classIndex(0.7, fractional)).toBe(1);
    expect(classColor(0, 5)).toBe(SCALE_COLORS[0]);
    expect(classColor(2, 3)).toBe(SCALE_COLORS[4]);
  });
});
