import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** Every .js file under `dir`, at any depth (source maps and .d.ts files are not scripts). */
function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : name.endsWith('.js') ? [path] : [];
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
    // Every script that ships: the page side, the worker core and the tfjs parts it imports,
    // shared chunks (dist/chunks/) included. `npm test` builds first (scripts/test.mjs); a bare
    // `vitest run` needs `npm run build` before it, or this fails rather than checking nothing.
    const dist = resolve(root, 'dist');
    expect(existsSync(dist), 'dist/ is missing: run `npm run build` first (npm test does)').toBe(true);
    const bundles = jsFiles(dist);
    const names = bundles.map((b) => relative(dist, b).split(sep).join('/'));
    const shipped = ['index.js', 'engine.js', 'react.js', 'hearth.iife.js', 'hearth.worker.js', 'hearth.tf.js', 'hearth.webgpu.js', 'hearth.webgl.js', 'hearth.cpu.js'];
    expect(names, 'dist/ lacks built files: run `npm run build`').toEqual(expect.arrayContaining(shipped));
    for (const bundle of bundles) {
      const code = readFileSync(bundle, 'utf8');
      const name = relative(dist, bundle);
      // `Function(` with or without `new`: both compile a string and need 'unsafe-eval'.
      expect(code, `${name} calls Function()`).not.toMatch(/(^|[^\w.$])Function\s*\(/);
      expect(code, `${name} calls eval()`).not.toMatch(/(^|[^\w.$])eval\s*\(/);
    }
  });
});
