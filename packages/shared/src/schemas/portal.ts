import { z } from 'zod';
import { IsoDate } from './common.js';
import { StatIndicatorFigure, StatReleaseSummary } from './stats-release.js';

/**
 * What the public home page shows, in one request: headline counts of the network and of its public records, the
 * indicator figures of the latest statistical releases, and the latest releases.
 */
export const PortalSummary = z.object({
  asOf: IsoDate,
  counts: z.object({
    provinces: z.number().int(),
    ministries: z.number().int(),
    organizations: z.number().int(),
    researchers: z.number().int(),
    publishedTasks: z.number().int(),
    registeredResults: z.number().int(),
  }),
  /** Indicators of the catalog with a published value. */
  indicators: z.array(StatIndicatorFigure),
  /** The latest published releases (at most 3). */
  releases: z.array(StatReleaseSummary),
});
export type PortalSummary = z.infer<typeof PortalSummary>;
