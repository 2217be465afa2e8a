import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { buildPolicies } from '../../policies.ts';
import { openPGlite } from '../db/database.ts';
import { clientTypes } from '../http/openapi-client.ts';
import { WEB_ROOT } from './build.ts';

/** Where the web apps' typed API client reads the API's types from. */
export const WEB_API_TYPES = path.join(WEB_ROOT, 'api', 'schema.ts');

/** The API's types for openapi-fetch, generated from the OpenAPI document of the server as it is now. */
export async function webApiTypes(document: object): Promise<string> {
  return `// Generated from /openapi.json by \`npm run web:api\`: do not edit (test/web-api-types.test.ts checks it is current).\n${await clientTypes(document)}`;
}

// `npm run web:api`: writes web/api/schema.ts from an app built on an empty in-memory database.
if (import.meta.main) {
  const database = await openPGlite(undefined);
  const app = await buildApp({ database, policies: buildPolicies(loadConfig()), adminApiKey: undefined });
  await app.ready();
  await writeFile(WEB_API_TYPES, await webApiTypes(app.swagger()));
  await app.close();
  await database.close();
  console.log(`wrote ${path.relative(process.cwd(), WEB_API_TYPES)}`);
}
