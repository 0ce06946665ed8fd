import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

/**
 * Static guarantees, checked on every run: item data (titles, brands… from the page) can never
 * become markup or code, and nothing needs `unsafe-eval` under a shop's CSP.
 */
describe('security: no markup sinks, no dynamic code', () => {
  const sources = [...files(resolve(root, 'src'), /\.tsx?$/), ...files(resolve(root, 'demo'), /\.(ts|tsx|html)$/), ...files(resolve(root, 'examples'), /\.(ts|tsx)$/)];

  it('scans a real tree', () => {
    expect(sources.length).toBeGreaterThan(30);
  });

  it.each([
    ['innerHTML', /\.innerHTML\s*=/],
    ['outerHTML', /\.outerHTML\s*=/],
    ['insertAdjacentHTML', /insertAdjacentHTML\s*\(/],
    ['document.write', /document\.write(ln)?\s*\(/],
    ['eval', /(^|[^\w.])eval\s*\(/],
    ['new Function', /new\s+Function\s*\(/],
    ['string timers', /set(Timeout|Interval)\s*\(\s*['"`]/],
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ])('no %s in src/, demo/ or examples/', (_name, pattern) => {
    const hits = sources.filter((f) => readFileSync(f, 'utf8').split('\n').some((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*') && pattern.test(line)));
    expect(hits).toEqual([]);
  });

  it('no eval or new Function in the built bundles (tfjs included)', () => {
    // Every script that ships: the page side, the worker core and the tfjs parts it imports.
    const dist = resolve(root, 'dist');
    const bundles = existsSync(dist) ? readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => resolve(dist, f)) : [];
    if (existsSync(dist)) expect(bundles.map((b) => b.slice(dist.length + 1))).toEqual(expect.arrayContaining(['hearth.worker.js', 'hearth.tf.js', 'hearth.webgpu.js', 'hearth.webgl.js', 'hearth.cpu.js']));
    // `npm test` builds first; a bare `vitest run` without dist/ checks the sources only.
    for (const bundle of bundles) {
      const code = readFileSync(bundle, 'utf8');
      expect(code).not.toMatch(/new Function\s*\(/);
      expect(code).not.toMatch(/(^|[^\w.$])eval\s*\(/);
    }
  });
});
