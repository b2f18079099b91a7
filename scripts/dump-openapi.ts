// Writes the OpenAPI 3.1 document of the API to docs/api/openapi.json (committed; a test fails when it drifts).
import { writeFileSync } from 'node:fs';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config/env.js';
import { openPgliteMemory } from '../apps/server/src/db/client.js';

const handle = await openPgliteMemory();
const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), db: handle.db, dbKind: 'pglite', logger: false });
await app.ready();
writeFileSync(new URL('../docs/api/openapi.json', import.meta.url), `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await handle.close();
console.log('docs/api/openapi.json written');
