import { REGISTRATION_FILE_ROLES, type Registration } from '@stinet/shared';

/** A document of a dossier. */
export type RegistrationFile = Registration['files'][number];

/** Splits the keywords text of the dossier form at commas and semicolons, trimmed, without empty ones. */
export function parseKeywords(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/** The documents of a dossier in the order of the dossier's list of roles, then in the order they were attached. */
export function sortFilesByRole(files: readonly RegistrationFile[]): RegistrationFile[] {
  return [...files].sort((a, b) => REGISTRATION_FILE_ROLES.indexOf(a.role) - REGISTRATION_FILE_ROLES.indexOf(b.role) || a.attachedAt.localeCompare(b.attachedAt));
}
