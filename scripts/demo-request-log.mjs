// The demo's request log: every request the page and its worker make to the demo's server, as
// connect-style middleware (used by scripts/demo-serve.mjs and by vite's dev server in vite.config.ts).
// No side effects on import: vite bundles this into its config.

export const LOG_PATH = '/__requests';

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
  let logReads = 0;
  let count = 0;
  const middleware = (req, res, next) => {
    let bodyBytes = 0;
    req.on('data', (c) => (bodyBytes += c.length));
    req.on('end', () => {
      if (new URL(req.url ?? '/', 'http://x').pathname === LOG_PATH) {
        // The panel's own polling is counted, not listed: it would otherwise fill the list it shows.
        logReads++;
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ requests: log, logReads }));
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

