// The demo's request log: every request the page and its worker make to the demo's server, as
// connect-style middleware (used by scripts/demo-serve.mjs and by vite's dev server in vite.config.ts).
// No side effects on import: vite bundles this into its config.

import { createHash } from 'node:crypto';

export const LOG_PATH = '/__requests';

/**
 * Who made a request, as a short opaque key: its address and browser. The log endpoint answers each
 * visitor with its own requests only, so nobody sees another visitor's (the raw address is not kept).
 */
function visitorKey(req) {
  return createHash('sha256').update(`${req.socket?.remoteAddress ?? ''}|${req.headers['user-agent'] ?? ''}`).digest('hex').slice(0, 12);
}

/**
 * Records one request: what the page or worker asked for and what it sent. Behaviour could only
 * travel in a body, a query string or a cookie, so those are what each entry keeps.
 */
function record(log, n, req, bodyBytes) {
  const url = new URL(req.url ?? '/', 'http://x');
  log.push({
    n, at: Date.now(), method: req.method ?? '?', path: url.pathname, query: url.search,
    bodyBytes, dest: String(req.headers['sec-fetch-dest'] ?? ''), cookie: Boolean(req.headers.cookie),
    // Who asked: a worker's fetches carry the worker script as referrer, the page's the page.
    from: referrerPath(req.headers.referer),
    visitor: visitorKey(req),
  });
  if (log.length > 2000) log.splice(0, log.length - 2000);
}

function referrerPath(referer) {
  try {
    return referer ? new URL(referer).pathname : '';
  } catch {
    return '';
  }
}

/**
 * The request log as connect-style middleware: answers LOG_PATH with the log, records every other
 * request and passes it on. Used by this server and by the vite dev server (vite.config.ts).
 */
export function createRequestLog() {
  const log = [];
  const logReads = new Map();
  let count = 0;
  const middleware = (req, res, next) => {
    let bodyBytes = 0;
    req.on('data', (c) => (bodyBytes += c.length));
    req.on('end', () => {
      if (new URL(req.url ?? '/', 'http://x').pathname === LOG_PATH) {
        // The panel's own polling is counted, not listed: it would otherwise fill the list it shows.
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        const me = visitorKey(req);
        const reads = (logReads.get(me) ?? 0) + 1;
        logReads.set(me, reads);
        res.end(JSON.stringify({ requests: log.filter((r) => r.visitor === me), logReads: reads, now: Date.now() }));
        return;
      }
      record(log, ++count, req, bodyBytes);
      next();
    });
    // A request without a body may have ended already; `resume` makes 'end' fire either way.
    req.resume();
  };
  return { log, middleware };
}

