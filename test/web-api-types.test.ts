import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WEB_API_TYPES, webApiTypes } from '../src/platform/web/api-types.ts';
import { startTestApi, type TestApi } from './support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

it('the web apps are typed against the API as it is (run `npm run web:api` after changing a route)', async () => {
  const document = (await api.call('GET', '/openapi.json')).body;
  expect(await readFile(WEB_API_TYPES, 'utf8')).toBe(await webApiTypes(document));
});
