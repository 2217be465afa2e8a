import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One config for every app of web/: the app is the `root` given by the build (src/platform/web/build.ts), served at /<app>/.
export default defineConfig(({ mode }) => {
  const app = process.env.AISLE_WEB_APP ?? 'store';
  return {
    base: `/${app}/`,
    plugins: [react()],
    build: { outDir: `../dist/${app}`, emptyOutDir: true, target: 'es2022', sourcemap: mode !== 'production' },
    // `npx vite web/store` during development: the API of `npm start` behind the same origin.
    server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
  };
});
