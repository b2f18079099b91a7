/**
 * Pure validators for Vietnamese and international identifiers, shared by forms, API and imports.
 */

/** Vietnamese tax code: 10 digits, or 10 digits + "-" + 3 digits for a dependent unit. */
export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;

/** ORCID iD in its hyphenated display form, without the https://orcid.org/ prefix. */
export const ORCID_PATTERN = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** ISO 7064 11,2 check character for the first 15 digits of an ORCID iD. */
export function orcidChecksum(base15: string): string {
  let total = 0;
  for (const ch of base15) {
    total = (total + Number(ch)) * 2;
  }
  const remainder = total % 11;
  const result = (12 - remainder) % 11;
  return result === 10 ? 'X' : String(result);
}

/** True when the ORCID iD has the right shape and check character. */
export function isValidOrcid(orcid: string): boolean {
  if (!ORCID_PATTERN.test(orcid)) return false;
  const digits = orcid.replace(/-/g, '');
  return orcidChecksum(digits.slice(0, 15)) === digits.slice(15);
}

/** A calendar date 'YYYY-MM-DD' that exists (rejects 2025-02-30). */
export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today's date in Vietnam (UTC+7) as 'YYYY-MM-DD'. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Removes Vietnamese diacritics (and đ/Đ) for accent-insensitive matching. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two strings in Vietnamese alphabetical order (PGlite sorts by byte, so sort in the app). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
