import { z } from 'zod';
import { IsoDate } from './common.js';

/** A versioned code list (classification scheme). */
export const ClassificationScheme = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  version: z.string(),
  legalBasis: z.string(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  note: z.string().nullable(),
  codeCount: z.number().int(),
});
export type ClassificationScheme = z.infer<typeof ClassificationScheme>;

/** One code of a scheme. */
export const ClassificationCode = z.object({
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
});
export type ClassificationCode = z.infer<typeof ClassificationCode>;

/** A scheme with its codes. */
export const ClassificationSchemeDetail = ClassificationScheme.extend({ codes: z.array(ClassificationCode) });
export type ClassificationSchemeDetail = z.infer<typeof ClassificationSchemeDetail>;

/** Query for the code list of a scheme. */
export const ClassificationCodesQuery = z.strictObject({
  level: z.coerce.number().int().min(1).max(9).optional(),
  parentCode: z.string().max(20).optional(),
});

/** A crosswalk row between two schemes. */
export const CrosswalkEntry = z.object({
  fromScheme: z.string(),
  fromCode: z.string(),
  toScheme: z.string(),
  toCode: z.string(),
  relation: z.enum(['exact', 'broader', 'narrower', 'related']),
});
export type CrosswalkEntry = z.infer<typeof CrosswalkEntry>;

/** Query for a crosswalk. */
export const CrosswalkQuery = z.strictObject({
  from: z.string().min(1).max(30),
  to: z.string().min(1).max(30),
  code: z.string().max(20).optional(),
});
