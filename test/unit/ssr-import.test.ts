import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

const root = resolve(import.meta.dirname, '../..');
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'location', 'self', 'Worker', 'indexedDB', 'localStorage', 'sessionStorage', 'HTMLElement', 'customElements', 'requestAnimationFrame', 'IntersectionObserver', 'MutationObserver'];

/** Browser globals read by Hearth's own files (src/ or dist/) while the trap is set. */
const touched = new Set<string>();
const g = globalThis as Record<string, unknown>;

beforeAll(() => {
  for (const name of BROWSER_GLOBALS) {
    if (name in g) continue; // Node's own (none of these in Node 20, but be safe)
    Object.defineProperty(g, name, {
      configurable: true,
      get() {
        const stack = new Error().stack ?? '';
        if (stack.includes(`${root}/src/`) || stack.includes(`${root}/dist/`)) touched.add(name);
        return undefined;
      },
    });
  }
});
afterAll(() => {
  for (const name of BROWSER_GLOBALS) {
    const d = Object.getOwnPropertyDescriptor(g, name);
    if (d?.get) delete g[name];
  }
});

describe('SSR: importing Hearth on a server touches no browser global', () => {
  it('src entries (hearth-sdk, hearth-sdk/react) import cleanly', async () => {
    await import('../../src/index.js');
    await import('../../src/react.js');
    expect([...touched]).toEqual([]);
  });

  it.skipIf(!existsSync(resolve(root, 'dist/index.js')) || !existsSync(resolve(root, 'dist/react.js')))('built dist entries import cleanly', async () => {
    await import(pathToFileURL(resolve(root, 'dist/index.js')).href);
    await import(pathToFileURL(resolve(root, 'dist/react.js')).href);
    expect([...touched]).toEqual([]);
  });

  it.skipIf(!existsSync(resolve(root, 'dist/react.js')))('dist/react.js leaves react and the client as imports (react is a peer, not bundled)', () => {
    const code = readFileSync(resolve(root, 'dist/react.js'), 'utf8');
    expect(code).toMatch(/from\s*["']react["']/);
    expect(code).toMatch(/from\s*["']\.\/index\.js["']/);
    expect(code).not.toMatch(/__SECRET_INTERNALS|react\.development|ReactCurrentDispatcher/);
    expect(code.length).toBeLessThan(8_000);
  });

  it('createHearth returns a no-op instance: original order, validation kept, ready() says why', async () => {
    const { createHearth } = await import('../../src/index.js');
    const hearth = createHearth();
    const items = [{ id: 'b' }, { id: 'a' }, { id: 'c' }];
    const ranked = await hearth.rerank(items);
    expect(ranked).toEqual(items);
    expect(ranked[0]).toBe(items[0]);
    expect((await hearth.rank(items)).fallback).toBe(true);
    await expect(hearth.track({ type: 'click', item: { id: 'a' } })).resolves.toBeUndefined();
    await expect(hearth.track({ type: 'like' as 'click', item: { id: 'a' } })).rejects.toMatchObject({ name: 'HearthInputError' });
    await expect(hearth.ready()).rejects.toMatchObject({ name: 'HearthUnavailableError' });
    await hearth.close();
  });

  it('server rendering with hearth-sdk/react gives the original order', async () => {
    const { HearthProvider, useReranked } = await import('../../src/react.js');
    const items = [{ id: 'p2' }, { id: 'p0' }, { id: 'p1' }];
    function List() {
      const ranked = useReranked(items, { listId: 'ssr' });
      return createElement('ul', null, ...ranked.map((i) => createElement('li', { key: i.id }, i.id)));
    }
    expect(renderToString(createElement(List))).toBe('<ul><li>p2</li><li>p0</li><li>p1</li></ul>');
    expect(renderToString(createElement(HearthProvider, null, createElement(List)))).toBe('<ul><li>p2</li><li>p0</li><li>p1</li></ul>');
  });
});
