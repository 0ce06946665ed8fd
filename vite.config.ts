import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequestLog } from './scripts/demo-request-log.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const sdkDist = resolve(root, 'dist');
const generated = resolve(root, 'demo/.generated');

/**
 * The SDK's static files (the worker's scripts `hearth.*.js` and tfjs wasm binaries) are served under /hearth/, as a
 * shop would self-host them, and the Amazon slice under /data/ when `scripts/demo-data.mjs` made it.
 * Both are copied into the build, never into the repo.
 */
function demoStatic(): Plugin {
  const files = () => [
    ...readdirSync(sdkDist).filter((f) => /^hearth\.[\w-]+\.js$/.test(f) || f.endsWith('.wasm')).map((f) => ({ url: `hearth/${f}`, path: resolve(sdkDist, f) })),
    ...(existsSync(resolve(generated, 'beauty-slice.json')) ? [{ url: 'data/beauty-slice.json', path: resolve(generated, 'beauty-slice.json') }] : []),
  ];
  return {
    name: 'hearth-demo-static',
    configureServer(server) {
      // The privacy panel's request log also works under `vite` (dev), though the dev server's own
      // module requests then fill it; `npm run demo` serves the built demo instead.
      server.middlewares.use(createRequestLog().middleware);
      server.middlewares.use((req, res, next) => {
        const hit = files().find((f) => req.url?.split('?')[0] === `/${f.url}`);
        if (!hit) return next();
        res.setHeader('content-type', hit.url.endsWith('.wasm') ? 'application/wasm' : hit.url.endsWith('.json') ? 'application/json' : 'text/javascript');
        res.end(readFileSync(hit.path));
      });
    },
    generateBundle() {
      for (const f of files()) this.emitFile({ type: 'asset', fileName: f.url, source: readFileSync(f.path) });
    },
  };
}

// The demo shop imports the *built* SDK by its package name, exactly as a shop's app would:
// `npm run demo` builds dist/ first, and `hearth-sdk` resolves to dist/index.js here.
export default defineConfig({
  root: resolve(root, 'demo'),
  publicDir: resolve(root, 'public'),
  plugins: [demoStatic()],
  resolve: { alias: { 'hearth-sdk': resolve(sdkDist, 'index.js') } },
  server: { host: '127.0.0.1', port: 5173, fs: { allow: [root] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: resolve(root, 'demo/dist'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
