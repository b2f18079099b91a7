import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    keyPaths(child, prefix ? `${prefix}.${key}` : key),
  );
}

function leaves(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  return Object.values(value as Record<string, unknown>).flatMap(leaves);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translations', () => {
  it('have identical key sets in Vietnamese and English', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(vi).sort());
  });

  it('have only non-empty string texts', () => {
    for (const text of [...leaves(vi), ...leaves(en)]) {
      expect(typeof text).toBe('string');
      expect((text as string).trim().length).toBeGreaterThan(0);
    }
  });

  it('use the same interpolation placeholders in both languages', () => {
    const viByKey = new Map(keyPaths(vi).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], vi)]));
    for (const key of keyPaths(en)) {
      const enText = key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en) as string;
      expect(placeholders(enText), key).toEqual(placeholders(viByKey.get(key) as string));
    }
  });

  it('keep the labels the organization form is known by', () => {
    expect(vi.organizations.fields.nameVi).toBe('Tên tổ chức (tiếng Việt)');
    expect(vi.organizations.fields.provinceUnitId).toBe('Tỉnh/thành phố');
    expect(vi.organizations.fields.managingUnitId).toBe('Cơ quan chủ quản');
    expect(vi.organizations.fields.mainFieldCode).toBe('Lĩnh vực KH&CN chính');
    expect(vi.common.save).toBe('Lưu');
    expect(vi.auth.username).toBe('Tên đăng nhập');
    expect(vi.auth.password).toBe('Mật khẩu');
  });

  it('keep the labels the task form (Mẫu 1) and its workflow are known by', () => {
    expect(vi.tasks.fields.code).toBe('Mã nhiệm vụ');
    expect(vi.tasks.fields.titleVi).toBe('Tên nhiệm vụ (tiếng Việt)');
    expect(vi.tasks.fields.levelCode).toBe('Cấp quản lý');
    expect(vi.tasks.fields.formCode).toBe('Hình thức');
    expect(vi.tasks.fields.managingUnitId).toBe('Đơn vị đăng ký');
    expect(vi.tasks.fields.leadOrganizationId).toBe('Tổ chức chủ trì');
    expect(vi.tasks.fields.piName).toBe('Chủ nhiệm nhiệm vụ');
    expect(vi.tasks.fields.fieldCodes2025).toBe('Lĩnh vực KH&CN (TT 24/2025)');
    expect(vi.tasks.fields.startDate).toBe('Ngày bắt đầu');
    expect(vi.tasks.fields.endDate).toBe('Ngày kết thúc');
    expect(vi.tasks.fields.objectives).toBe('Mục tiêu');
    expect(vi.tasks.fields.content).toBe('Nội dung chính');
    expect(vi.tasks.fields.expectedProducts).toBe('Sản phẩm dự kiến');
    expect(vi.tasks.fields.isStateSecret).toBe('Nhiệm vụ thuộc danh mục bí mật nhà nước');
    expect([vi.tasks.submit, vi.tasks.accept, vi.tasks.return]).toEqual(['Gửi đầu mối', 'Chấp nhận và công bố', 'Trả lại']);
    expect(vi.tasks.statuses).toEqual({ draft: 'Nháp', submitted: 'Đã gửi', returned: 'Bị trả lại', published: 'Đã công bố' });
    expect(vi.tasks.late).toBe('Quá hạn');
    expect(vi.nav.tasks).toBe('Nhiệm vụ KH&CN');
    expect(vi.staffNav.tasks).toBe('Nhiệm vụ KH&CN');
  });
});
