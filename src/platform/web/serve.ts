import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { WEB_APPS, WEB_DIST } from './build.ts';

/**
 * Serves each built web app under `/<app>/` (the store app at `/store/`): hashed assets cached for a year, pre-compressed
 * files chosen by Accept-Encoding, and every other path of the app answered with its `index.html` (the app's router
 * reads the URL). An app not built is simply absent.
 */
export async function serveWebApps(app: FastifyInstance): Promise<void> {
  for (const name of WEB_APPS) {
    const root = path.join(WEB_DIST, name);
    if (!existsSync(path.join(root, 'index.html'))) continue;
    await app.register(async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        prefix: `/${name}/`,
        preCompressed: true,
        wildcard: false,
        index: false,
        setHeaders: (reply, file) => {
          reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
      const page = (_request: unknown, reply: { header: (k: string, v: string) => unknown; sendFile: (f: string) => unknown }) => {
        reply.header('cache-control', 'no-cache');
        return reply.sendFile('index.html');
      };
      scope.get(`/${name}`, { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${name}/`));
      scope.get(`/${name}/`, { schema: { hide: true } }, page);
      scope.get(`/${name}/*`, { schema: { hide: true } }, page);
    });
  }
}
