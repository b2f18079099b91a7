import { z } from 'zod';
import { Uuid } from './common.js';

/**
 * Access tiers of stored files: metadata public (content for staff in scope), full text public,
 * full text for the focal points in scope, restricted (administrators and the uploader).
 */
export const FILE_ACCESS_TIERS = ['public_metadata', 'public_fulltext', 'focal_fulltext', 'restricted'] as const;
export const FileAccessTier = z.enum(FILE_ACCESS_TIERS);
export type FileAccessTier = z.infer<typeof FileAccessTier>;

/** Upload parameters (query string of the multipart POST). */
export const FileUploadQuery = z.strictObject({ organizationId: Uuid, accessTier: FileAccessTier.default('focal_fulltext') });

/** A stored file's metadata. */
export const StoredFile = z.object({
  id: Uuid,
  originalName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  mime: z.string(),
  kind: z.string(),
  accessTier: FileAccessTier,
  organizationId: Uuid,
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof StoredFile>;
