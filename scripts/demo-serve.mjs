// `npm run demo`: makes the data slice, builds the demo (vite, into demo/dist) against the built SDK,
// and serves it from http://127.0.0.1:5173 with a request log the demo's privacy panel reads.
//
// Why a server log: requests made by the Hearth worker (its script, wasm binaries) are invisible to
// the page's PerformanceObserver, but every request the page or its worker makes reaches this server,
// so its log is complete for this origin; the Content-Security-Policy below (connect-src 'self' …)
// makes the browser refuse any other origin, so nothing can go elsewhere unseen.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDemoData } from './demo-data.mjs';
import { createRequestLog } from './demo-request-log.mjs';

export { LOG_PATH } from './demo-request-log.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_DIST = resolve(root, 'demo/dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.map': 'application/json',
};

/** The policy the demo is served with: this origin only, for everything. */
export const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'", "worker-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');

/**
 * Builds the demo from demo/ with vite.config.ts (dist/ of the SDK must be built first), into
 * demo/dist or `outDir` (tests build into a folder of their own, so parallel runs never share one).
 * `datasets`/`shoppers`: where the replay's shoppers come from and how many (tests pass a tiny folder).
 */
export async function buildDemo({ quiet = false, outDir = DEMO_DIST, datasets = undefined, shoppers = undefined } = {}) {
  const summary = await makeDemoData(datasets, shoppers ? { shoppers } : {});
  if (!quiet) console.log(summary);
  const { build } = await import('vite');
  await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn', build: { outDir, emptyOutDir: true } });
}

/** Serves demo/dist and the log. `port: 0` picks a free port (tests). */
export async function startDemoServer({ port = 5173, host = '127.0.0.1', dir = DEMO_DIST } = {}) {
  const base = resolve(dir);
  const { log, middleware } = createRequestLog();
  const server = createServer((req, res) => {
    middleware(req, res, async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(base, path));
      if (!file.startsWith(base)) return void res.writeHead(403).end();
      try {
        const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
        const body = await readFile(target);
        res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'content-security-policy': CSP });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    });
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, host, ok); });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { origin: `http://${host}:${actual}`, log, close: () => new Promise((ok) => server.close(() => ok())) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDemo();
  const port = Number(process.env.PORT ?? 5173);
  const { origin } = await startDemoServer({ port });
  console.log(`Hearth demo: ${origin}/  (Ctrl+C to stop)`);
}
