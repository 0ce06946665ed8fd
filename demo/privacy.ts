import { h } from './dom.js';
import { on } from './state.js';

/** One request as the demo's server logged it (scripts/demo-serve.mjs). */
export interface LoggedRequest { n: number; at: number; method: string; path: string; query: string; bodyBytes: number; dest: string; cookie: boolean; from: string; visitor: string }
interface LogReply { requests: LoggedRequest[]; logReads: number; now: number }

/** A request could carry behaviour only in a body, a query string or a cookie: none should have any. */
export const carriesData = (r: LoggedRequest): boolean => r.bodyBytes > 0 || r.query !== '' || r.cookie || r.method !== 'GET';

const LOG_URL = '/__requests';

async function readLog(): Promise<LogReply | undefined> {
  try {
    const res = await fetch(LOG_URL, { cache: 'no-store' });
    return res.ok ? ((await res.json()) as LogReply) : undefined;
  } catch {
    return undefined;
  }
}

interface StoreInfo { db: string; version: number; stores: Array<{ name: string; count: number; bytes: number; sample: unknown[] }> }

/** Reads every IndexedDB database of this origin read-only (only those that exist: opening one never creates it). */
async function readIndexedDb(): Promise<StoreInfo[]> {
  const dbs = (await indexedDB.databases?.()) ?? [];
  const out: StoreInfo[] = [];
  for (const info of dbs) {
    if (!info.name) continue;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open(info.name!);
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error ?? new Error('IndexedDB open failed'));
    });
    const stores: StoreInfo['stores'] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const all = await new Promise<unknown[]>((ok, fail) => {
        const req = db.transaction(name, 'readonly').objectStore(name).getAll();
        req.onsuccess = () => ok(req.result as unknown[]);
        req.onerror = () => fail(req.error ?? new Error('IndexedDB read failed'));
      });
      const bytes = all.reduce<number>((n, v) => n + new Blob([JSON.stringify(v) ?? '']).size, 0);
      stores.push({ name, count: all.length, bytes, sample: all.slice(-2) });
    }
    out.push({ db: info.name, version: db.version, stores });
    db.close();
  }
  return out;
}

/** What the request was, and whether the page or the Hearth worker made it (from its referrer). */
function kind(r: LoggedRequest): string {
  const dest = r.dest === 'empty' ? 'fetch' : r.dest || 'request';
  if (r.from.endsWith('/hearth.worker.js')) return `${dest} by worker`;
  return r.dest === 'document' ? 'page' : `${dest} by page`;
}

/** The browser's own favicon fetch: not the page's or Hearth's doing, so counted, not listed. */
const isFavicon = (r: LoggedRequest): boolean => r.path === '/favicon.svg' || r.path === '/favicon.ico';

/**
 * This visit's requests: the server already answers with this visitor's only (same address and
 * browser); of those, the ones since this page opened, on the server's clock (`now` gives the skew).
 */
function thisVisit(log: LogReply): { shown: LoggedRequest[]; favicon: number; earlier: number } {
  const skew = log.now - Date.now();
  const since = performance.timeOrigin + skew - 1_000;
  const visit = log.requests.filter((r) => r.at >= since);
  return { shown: visit.filter((r) => !isFavicon(r)), favicon: visit.filter(isFavicon).length, earlier: log.requests.length - visit.length };
}

const kb = (b: number) => (b < 1024 ? `${b} B` : `${(b / 1024).toFixed(1)} KB`);

export function mountPrivacy(root: HTMLElement): void {
  const summary = h('p', { id: 'privacy-summary', role: 'status', 'aria-live': 'polite' });
  const table = h('table', { class: 'log', id: 'request-log', 'aria-label': 'Every request this page and its worker made' });
  const pageSeen = h('p', { class: 'explain' });
  const idb = h('div', { id: 'idb-contents' });
  const storage = h('p', { class: 'explain' });
  root.replaceChildren(
    h('h3', { text: 'Your browsing never leaves this browser' }),
    h('p', { class: 'explain', text: 'Below is every request your visit made to this site since you opened the page, as the site’s own server saw it: only files being downloaded, nothing of what you clicked or viewed sent back.' }),
    h('details', { class: 'tech' }, h('summary', { text: 'How we know (technical)' }),
      h('p', { class: 'explain', text: 'Listed by the demo’s own web server (scripts/demo-serve.mjs), which sees every request made to it, including the Hearth worker’s, which the page itself cannot observe. It answers each visitor with that visitor’s requests only (same address and browser); this list keeps those since this page opened, and leaves out the browser’s own favicon fetch (counted below). The page is served with a Content-Security-Policy of connect-src ‘self’ (and the same for scripts, workers and images), so the browser refuses any other host. This panel polls the log every 2 s; those polls are counted, not listed. Behaviour could only travel in a body, a query string or a cookie: the last column checks each.' })),
    summary, table, pageSeen,
    h('h3', { text: 'Where the data lives' }),
    h('p', { class: 'explain', text: 'Only in this browser’s IndexedDB, written and read by the Hearth worker. Read here directly, read-only (the replay and the simulator keep their own databases, so they never touch yours):' }),
    storage, idb,
  );

  const renderLog = async () => {
    const log = await readLog();
    if (!log) {
      summary.textContent = 'Request log unavailable: start the demo with `npm run demo` (its server keeps the log).';
      return;
    }
    const { shown, favicon, earlier } = thisVisit(log);
    const bad = shown.filter(carriesData);
    if ((import.meta as { env?: { DEV?: boolean } }).env?.DEV) {
      // Under `vite` (dev) the log also holds vite's own module requests (`?v=…`, `?import`); the
      // built demo of `npm run demo` is what a shop would serve, and gives the clean list.
      summary.replaceChildren(`Dev server: ${shown.length} requests logged, including vite’s own module requests with query strings (not Hearth’s). Run \`npm run demo\` for the built demo and a clean log.`);
    } else {
      summary.replaceChildren(
        h('span', { class: bad.length ? 'bad' : 'ok', text: bad.length ? `${bad.length} request(s) carried data — inspect below` : '✓ No request carried behaviour.' }),
        ` ${shown.length} requests by this visit, ${shown.reduce((n, r) => n + r.bodyBytes, 0)} bytes sent in bodies, ${shown.filter((r) => r.query).length} with a query string. Not listed: ${favicon} favicon fetch${favicon === 1 ? '' : 'es'} by the browser, ${earlier} earlier request${earlier === 1 ? '' : 's'} from your address and browser (before this page opened), ${log.logReads} polls by this panel; other visitors’ requests are never shown.`,
      );
    }
    table.replaceChildren(h('thead', {}, h('tr', {}, h('th', { text: '#' }), h('th', { text: 'Request' }), h('th', { text: 'Kind' }), h('th', { text: 'Sent' }))));
    const body = h('tbody');
    for (const r of [...shown].reverse().slice(0, 60)) {
      body.append(h('tr', {},
        h('td', { text: String(r.n) }),
        h('td', { class: 'path', text: `${r.method} ${r.path}${r.query}` }),
        h('td', { text: kind(r) }),
        h('td', { class: carriesData(r) ? 'bad' : 'ok', text: carriesData(r) ? `${r.bodyBytes} B${r.query ? ' + query' : ''}` : 'nothing' })));
    }
    table.append(body);
    // Cross-check against what the page alone can see (resource timing of this page load).
    const seen = new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    const thisLoad = new Set(shown.filter((r) => r.path !== '/').map((r) => r.path));
    const hidden = [...thisLoad].filter((p) => !seen.has(p));
    pageSeen.textContent = `Cross-check: of this page load’s ${thisLoad.size} files, the page’s own resource timing (PerformanceObserver) sees ${thisLoad.size - hidden.length}; invisible to it: ${hidden.join(', ') || 'none'}. Only a server-side log sees them all.`;
  };

  const renderStore = async () => {
    try {
      const [dbs, est] = await Promise.all([readIndexedDb(), navigator.storage?.estimate?.()]);
      storage.textContent = est ? `Browser storage used by this origin: ${kb(est.usage ?? 0)} (all kinds, estimate).` : '';
      idb.replaceChildren(...dbs.map((d) => h('div', {},
        h('p', {}, h('strong', { text: `IndexedDB “${d.db}”` }), ` v${d.version}: ${d.stores.map((st) => `${st.name} ${st.count} records (${kb(st.bytes)})`).join(', ')}`),
        ...d.stores.filter((st) => st.count > 0).slice(0, 1).map((st) => h('pre', { class: 'json', 'aria-label': `Newest records of ${st.name}`, text: JSON.stringify(st.sample, null, 1) })))));
      if (dbs.length === 0) idb.textContent = 'No IndexedDB database yet.';
    } catch (e) {
      idb.textContent = `Could not read IndexedDB: ${(e as Error).message}`;
    }
  };

  void renderLog();
  void renderStore();
  setInterval(() => { if (!root.hidden) void renderLog(); }, 2_000);
  on('history', () => { if (!root.hidden) void renderStore(); });
  new MutationObserver(() => { if (!root.hidden) { void renderLog(); void renderStore(); } }).observe(root, { attributes: true, attributeFilter: ['hidden'] });
}
