import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { SNIPPET, SNIPPET_METHODS } from '../../src/page/dom/snippet.js';

const root = resolve(import.meta.dirname, '../..');

/** Runs the pasted snippet in a bare context with a fake window/document; returns what it did. */
function runSnippet(times: number) {
  const appended: Array<{ src: string; async: boolean }> = [];
  const document = {
    head: { appendChild: (s: { src: string; async: boolean }) => appended.push(s) },
    createElement: () => ({ src: '', async: false }),
  };
  const window: Record<string, unknown> = {};
  const code = `${SNIPPET}"https://cdn.example.com/hearth.iife.js",{dbName:"shop"});`;
  for (let i = 0; i < times; i++) runInNewContext(code, { window, document, Promise });
  return { window, appended };
}

describe('the paste-able snippet', () => {
  it('is the one the README documents and the test pages paste', () => {
    expect(readFileSync(resolve(root, 'README.md'), 'utf8')).toContain(SNIPPET);
    const pages = readdirSync(resolve(root, 'test/browser/pages')).filter((f) => f.startsWith('shop-') && f.endsWith('.html'));
    const withSnippet = pages.filter((f) => readFileSync(resolve(root, 'test/browser/pages', f), 'utf8').includes('h.snippet=1'));
    expect(withSnippet.length).toBeGreaterThanOrEqual(2);
    for (const f of withSnippet) expect(readFileSync(resolve(root, 'test/browser/pages', f), 'utf8')).toContain(SNIPPET);
  });

  it('queues calls in order, each with a promise, and loads the script once however often it is pasted', () => {
    const { window, appended } = runSnippet(2);
    expect(appended).toEqual([{ src: 'https://cdn.example.com/hearth.iife.js', async: true }]);
    const h = window.Hearth as unknown[] & Record<string, (...a: unknown[]) => unknown> & { options: unknown };
    expect(h.options).toEqual({ dbName: 'shop' });
    for (const m of SNIPPET_METHODS) expect(typeof h[m]).toBe('function');
    const p = h.track!({ type: 'click', item: { id: 'a' } });
    h.rerank!([{ id: 'x' }], { limit: 1 });
    expect(p).toBeInstanceOf(Promise);
    expect(h.map((c) => [(c as unknown[])[0], (c as unknown[])[1]])).toEqual([
      ['track', [{ type: 'click', item: { id: 'a' } }]],
      ['rerank', [[{ id: 'x' }], { limit: 1 }]],
    ]);
    expect(typeof (h[0] as unknown[])[2]).toBe('function'); // the promise's resolve, for the replay
  });

  it('does nothing once the script-tag build has loaded', () => {
    const appended: unknown[] = [];
    const window = { Hearth: { loaded: true } };
    runInNewContext(`${SNIPPET}"x.js",{});`, { window, document: { head: { appendChild: (s: unknown) => appended.push(s) }, createElement: () => ({}) }, Promise });
    expect(appended).toEqual([]);
    expect(window.Hearth).toEqual({ loaded: true });
  });
});
