import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type * as schema from './schema.js';

/** The Drizzle database, whichever driver (PGlite or node-postgres) is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle. */
export type Tx = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

/** What repositories take: the database or a transaction. Never reach for an outer handle inside a transaction. */
export type Executor = Db | Tx;

/** Which database engine serves this process. */
export type DbKind = 'pglite' | 'postgres';
