import { readdir, stat, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** The web apps' sources (`web/`) and what Vite builds from them (`web/dist/<app>/`), served by the API server. */
export const WEB_ROOT = path.resolve(import.meta.dirname, '../../../web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');
export const WEB_APPS = ['store'] as const;

/**
 * Builds the web apps when their build is missing or older than a source file, so that `npm start` and `npm test`
 * serve what the sources say with no build step of their own. A deployment that ships `web/dist` skips the build
 * (and needs no Vite at run time).
 */
export async function ensureWebBuilt(log: (message: string) => void = () => {}): Promise<void> {
  for (const app of WEB_APPS) {
    const built = await newestFile(path.join(WEB_DIST, app)).catch(() => 0);
    const sources = Math.max(
      await newestFile(path.join(WEB_ROOT, app)),
      await newestFile(path.join(WEB_ROOT, 'api')),
      await mtime(path.join(WEB_ROOT, 'vite.config.ts')),
    );
    if (built >= sources && built > 0) continue;
    log(`Building the ${app} app (web/${app}) ...`);
    await buildWebApp(app);
  }
}

/** One app through Vite, then every script and style pre-compressed (brotli and gzip) for @fastify/static. */
export async function buildWebApp(app: (typeof WEB_APPS)[number]): Promise<void> {
  const { build } = await import('vite');
  // React's production build whatever the caller's NODE_ENV (vitest sets `test`, which would bundle React's checks).
  const callers = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(WEB_ROOT, 'vite.config.ts'), root: path.join(WEB_ROOT, app), logLevel: 'warn', mode: 'production' });
  } finally {
    if (callers === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = callers;
  }
  const outDir = path.join(WEB_DIST, app);
  for (const file of await filesUnder(outDir)) {
    if (!/\.(js|css|html|svg|json|webmanifest)$/.test(file)) continue;
    const body = await readFile(file);
    await writeFile(`${file}.br`, brotliCompressSync(body));
    await writeFile(`${file}.gz`, gzipSync(body, { level: 9 }));
  }
}

async function mtime(file: string): Promise<number> {
  return (await stat(file)).mtimeMs;
}

async function newestFile(folder: string): Promise<number> {
  let newest = 0;
  for (const file of await filesUnder(folder)) newest = Math.max(newest, await mtime(file));
  return newest;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}
