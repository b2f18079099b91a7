import type { TaskImport } from '@stinet/shared';
import type { StoredImportError, TaskImportRow } from './task-io.repo.js';

/** The API shape of an import: problems with the message in the caller's language and in both. */
export function presentImport(row: TaskImportRow, locale: 'vi' | 'en'): TaskImport {
  const errors = (Array.isArray(row.errors) ? row.errors : []) as StoredImportError[];
  return {
    id: row.id,
    status: row.status,
    format: row.format,
    fileName: row.fileName,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    importedRows: row.importedRows,
    errors: errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: locale === 'en' ? e.messageEn : e.messageVi, messageVi: e.messageVi, messageEn: e.messageEn })),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
