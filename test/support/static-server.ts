import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.map': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface LoggedRequest {
  method: string;
  url: string;
  /** Bytes of request body: anything but 0 means something was sent. */
  bodyBytes: number;
  headers: IncomingMessage['headers'];
  /** Bytes of response body the server sent (0 for an error status). */
  responseBytes: number;
}

export interface StaticServer {
  origin: string;
  port: number;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that serves files from `rootDir` and logs every request,
 * body size included. Requests made by workers bypass Playwright's `page.route`, so the
 * server's own log is the ground truth for "what left the page".
 */
export async function startStaticServer(rootDir: string, options: { headers?: Record<string, string> } = {}): Promise<StaticServer> {
  const root = resolve(rootDir);
  const requests: LoggedRequest[] = [];
  const server: Server = createServer((req, res) => {
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on('end', () => void respond());
    const respond = async () => {
      const logged: LoggedRequest = { method: req.method ?? '?', url: req.url ?? '', bodyBytes, headers: req.headers, responseBytes: 0 };
      requests.push(logged);
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
        const body = await readFile(target);
        res.writeHead(200, {
          'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
          'access-control-allow-origin': '*',
          'cache-control': 'no-store',
          ...options.headers,
        });
        logged.responseBytes = body.byteLength;
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    };
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    // close() alone waits for every open connection to end, and a page that is still open (a
    // fixture torn down before the page, as in csp.spec.ts) can hold one with a request in
    // flight: the teardown then ran past the test's timeout once. The test is over; end them.
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
