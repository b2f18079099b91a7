import { z } from 'zod';
import { IsoDate, PageQuery, UnitRef, Uuid, optionalText, pageOf, text } from './common.js';

/** The kinds of org units: the national agency, ministries (and ministerial-level agencies), provinces. */
export const ORG_UNIT_KINDS = ['national', 'ministry', 'province'] as const;
export const OrgUnitKind = z.enum(ORG_UNIT_KINDS);
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;

/** An org unit as returned by the API. */
export const OrgUnit = z.object({
  id: Uuid,
  kind: OrgUnitKind,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  shortNameVi: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  isCentralCity: z.boolean(),
  isExcludedFromNetwork: z.boolean(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

/** A succession link (old unit → new unit on a date). */
export const Succession = z.object({
  unit: UnitRef,
  effectiveDate: IsoDate,
  note: z.string().nullable(),
});

/** An org unit with its predecessors and successors. */
export const OrgUnitDetail = OrgUnit.extend({
  predecessors: z.array(Succession),
  successors: z.array(Succession),
});
export type OrgUnitDetail = z.infer<typeof OrgUnitDetail>;

/** List query: as of a date (default today in Vietnam), optional kind and text filter. */
export const OrgUnitListQuery = PageQuery.extend({
  asOf: IsoDate.optional(),
  kind: OrgUnitKind.optional(),
  q: z.string().trim().max(100).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type OrgUnitListQuery = z.infer<typeof OrgUnitListQuery>;

export const OrgUnitPage = pageOf(OrgUnit);

/** Body to create an org unit (national administrators only). */
export const OrgUnitCreate = z.strictObject({
  kind: OrgUnitKind,
  code: text(20),
  nameVi: text(300),
  nameEn: text(300),
  shortNameVi: optionalText(150),
  validFrom: IsoDate,
  validTo: IsoDate.nullish(),
  isCentralCity: z.boolean().default(false),
  isExcludedFromNetwork: z.boolean().default(false),
  predecessorIds: z.array(Uuid).max(10).default([]),
});
export type OrgUnitCreate = z.infer<typeof OrgUnitCreate>;

/** Body to change an org unit's names or end its validity. */
export const OrgUnitUpdate = z.strictObject({
  nameVi: text(300).optional(),
  nameEn: text(300).optional(),
  shortNameVi: optionalText(150),
  validTo: IsoDate.nullish(),
});
export type OrgUnitUpdate = z.infer<typeof OrgUnitUpdate>;
