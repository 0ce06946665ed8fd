import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ANTI_FLICKER_CSS, capOf, withAntiFlicker } from '../../src/page/dom/anti-flicker.js';

/** A grid element with just the attribute calls the anti-flicker code makes. */
function grid(attrs: Record<string, string>) {
  const a = new Map(Object.entries(attrs));
  return {
    attrs: a,
    el: {
      getAttribute: (n: string) => a.get(n) ?? null,
      hasAttribute: (n: string) => a.has(n),
      setAttribute: (n: string, v: string) => void a.set(n, v),
    } as unknown as Element,
  };
}

describe('anti-flicker', () => {
  it('the README gives the CSS the code and tests use', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(ANTI_FLICKER_CSS);
  });

  it('reads the cap, with 300 ms for an empty or invalid value', () => {
    expect(capOf(grid({ 'data-hearth-antiflicker': '450' }).el)).toBe(450);
    expect(capOf(grid({ 'data-hearth-antiflicker': '' }).el)).toBe(300);
    expect(capOf(grid({ 'data-hearth-antiflicker': 'soon' }).el)).toBe(300);
  });

  it('a marked grid: the rank budget ends at the cap, and the grid is shown once the rerank settles, even when it fails', async () => {
    const late = grid({ 'data-hearth-antiflicker': '0' });
    const budgets: number[] = [];
    await expect(withAntiFlicker(late.el, 1000, (ms) => (budgets.push(ms), Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    expect(late.attrs.has('data-hearth-shown')).toBe(true);
    const far = grid({ 'data-hearth-antiflicker': String(performance.now() + 60_000) });
    let shownDuring: boolean | undefined;
    await withAntiFlicker(far.el, 1000, async (ms) => {
      budgets.push(ms);
      shownDuring = far.attrs.has('data-hearth-shown');
    });
    expect(shownDuring).toBe(false);
    expect(far.attrs.has('data-hearth-shown')).toBe(true);
    expect(budgets).toEqual([0, 1000]);
  });

  it('an unmarked grid is left alone', async () => {
    const plain = grid({});
    await withAntiFlicker(plain.el, 700, async (ms) => expect(ms).toBe(700));
    expect(plain.attrs.has('data-hearth-shown')).toBe(false);
  });
});
