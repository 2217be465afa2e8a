import { ensureWebBuilt } from '../../src/platform/web/build.ts';

/** Vitest global setup: the browser tests run against the web apps as the sources say (built when older). */
export default async function setup(): Promise<void> {
  await ensureWebBuilt();
}
