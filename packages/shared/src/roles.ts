/** Staff roles. Anonymous visitors are the implicit "public" role and need no account. */
export const ROLES = ['national_admin', 'focal_officer', 'org_reporter', 'reviewer'] as const;

/** A staff role. */
export type Role = (typeof ROLES)[number];

/** The role of a request: a staff role or the anonymous public. */
export type Actor = Role | 'public';

/** Role labels in Vietnamese and English. */
export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  national_admin: { vi: 'Quản trị viên quốc gia', en: 'National administrator' },
  focal_officer: { vi: 'Cán bộ đầu mối', en: 'Focal-point officer' },
  org_reporter: { vi: 'Người báo cáo của tổ chức', en: 'Organization reporter' },
  reviewer: { vi: 'Người thẩm định', en: 'Reviewer' },
};

/** Which roles need a scope: focal officers and reviewers an org unit (reviewers may be national), reporters an organization. */
export function roleNeedsUnitScope(role: Role): boolean {
  return role === 'focal_officer';
}
