import { test as base, expect, catalogue, repoRoot, type Catalogue } from './fixtures.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

const items = catalogue(20);

/** A server whose every response (page, worker script, wasm) carries `policy`, as a shop's CDN would. */
const test = base.extend<{ serveWith: (policy: string) => Promise<string> }>({
  serveWith: async ({}, use) => {
    const servers: StaticServer[] = [];
    await use(async (policy) => {
      const server = await startStaticServer(repoRoot, { headers: { 'content-security-policy': policy } });
      servers.push(server);
      return server.origin;
    });

    await Promise.all(servers.map((s) => s.close()));
  },
});

async function personalise(page: import('@playwright/test').Page, backend: string) {
  return page.evaluate(
    async ({ items, backend }: { items: Catalogue; backend: string }) => {
      const hearth = window.H.createHearth({ dbName: 'csp', backend: backend as 'auto', timeoutMs: 30_000 });
      const ready = await hearth.ready().catch((e: Error) => ({ backend: `error ${e.name}`, events: -1 }));
      for (const id of ['p2', 'p6']) await hearth.track({ type: 'click', item: items.find((i) => i.id === id)! });
      const r = await hearth.rank(items);
      await hearth.close();
      return { backend: ready.backend, fallback: r.fallback, top: r.items.slice(0, 2).map((i) => i.id), violations: (window as unknown as { cspViolations: string[] }).cspViolations };
    },
    { items, backend },
  );
}

const STRICT = "default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:";

test('strict CSP without unsafe-eval: Hearth works (no eval, no new Function anywhere), and sends nothing', async ({ page, pageErrors }) => {
  // Its own server, to read back every request the page and the worker made under the policy.
  const server = await startStaticServer(repoRoot, { headers: { 'content-security-policy': STRICT } });
  const origin = server.origin;
  await page.goto(`${origin}/test/browser/pages/csp.html`);
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
  const r = await personalise(page, 'cpu');
  expect(r).toEqual({ backend: 'cpu', fallback: false, top: expect.arrayContaining(['p2', 'p6']), violations: [] });
  // WebGPU compiles WGSL, not JS: it needs no unsafe-eval either.
  const gpu = await personalise(page, 'webgpu');
  expect(gpu.backend).toBe('webgpu');
  expect(gpu.fallback).toBe(false);
  expect(pageErrors).toEqual([]);
  // The server saw every request of the page and of the worker: static GETs only, nothing about the shopper.
  expect(server.requests.length).toBeGreaterThan(0);
  // The worker's tfjs parts came in by importScripts under the policy: tfjs-core + wasm, then the backends asked for.
  expect(server.requests.map((r) => r.url)).toEqual(expect.arrayContaining(['/dist/hearth.tf.js', '/dist/hearth.cpu.js', '/dist/hearth.webgpu.js']));
  for (const r of server.requests) {
    expect(r.method).toBe('GET');
    expect(r.bodyBytes).toBe(0);
    expect(r.url).toMatch(/^\/(dist\/(chunks\/)?[\w.-]+\.(js|wasm)|test\/browser\/pages\/csp(-page)?\.(html|js))$/);
  }
  await server.close();
});

test("strict CSP: 'auto' still ranks when WebAssembly compilation is forbidden", async ({ page, serveWith }) => {
  const origin = await serveWith(STRICT);
  await page.goto(`${origin}/test/browser/pages/csp.html`);
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
  const r = await personalise(page, 'auto');
  expect(['webgpu', 'webgl', 'cpu']).toContain(r.backend); // wasm needs 'wasm-unsafe-eval'
  expect(r.fallback).toBe(false);
  expect(r.top).toEqual(expect.arrayContaining(['p2', 'p6']));
});

test("CSP with 'wasm-unsafe-eval' (and still no unsafe-eval): the wasm backend runs", async ({ page, serveWith, pageErrors }) => {
  const origin = await serveWith(STRICT.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"));
  await page.goto(`${origin}/test/browser/pages/csp.html`);
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
  const r = await personalise(page, 'wasm');
  expect(r).toEqual({ backend: 'wasm', fallback: false, top: expect.arrayContaining(['p2', 'p6']), violations: [] });
  expect(pageErrors).toEqual([]);
});

test("CSP that forbids workers: original order, no exception in the page", async ({ page, serveWith, pageErrors }) => {
  const origin = await serveWith(STRICT.replace("worker-src 'self'", "worker-src 'none'"));
  await page.goto(`${origin}/test/browser/pages/csp.html`);
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
  const r = await page.evaluate(async (items: Catalogue) => {
    const hearth = window.H.createHearth({ dbName: 'csp-none', timeoutMs: 5_000 });
    await hearth.track({ type: 'click', item: items[2]! });
    const ranked = await hearth.rank(items);
    return { ids: ranked.items.map((i) => i.id), fallback: ranked.fallback };
  }, items);
  expect(r).toEqual({ ids: items.map((i) => i.id), fallback: true });
  expect(pageErrors.filter((e) => !/Content Security Policy|worker-src/i.test(e))).toEqual([]);
});
