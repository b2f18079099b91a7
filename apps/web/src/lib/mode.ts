/** Whether a page is shown in the public site or the staff area (links differ). */
export type Mode = 'public' | 'staff';

/** The path prefix of a mode: '' for public pages, '/staff' for staff pages. */
export function basePath(mode: Mode): string {
  return mode === 'staff' ? '/staff' : '';
}
