import { defineConfig, type Plugin } from 'vite';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const hearthRoot = resolve(here, '../..');
const hearthPkg = JSON.parse(readFileSync(resolve(hearthRoot, 'package.json'), 'utf8')) as { name: string; exports: Record<string, { import?: string } | string> };
const PKG = hearthPkg.name;

/**
 * `import … from 'hearth-sdk'` and `'hearth-sdk/react'` resolve through the package's own `exports`,
 * exactly as from node_modules after `npm install hearth-sdk` (here the package is the repo
 * root, as `"hearth-sdk": "file:../.."` in package.json says), without needing that install.
 */
function hearthByName(): Plugin {
  return {
    name: 'hearth-by-name',
    enforce: 'pre',
    resolveId(id) {
      if (id !== PKG && !id.startsWith(`${PKG}/`)) return null;
      const entry = hearthPkg.exports[id === PKG ? '.' : `./${id.slice(PKG.length + 1)}`];
      const file = typeof entry === 'string' ? entry : entry?.import;
      if (!file) throw new Error(`${PKG} does not export ${id}`);
      return resolve(hearthRoot, file);
    },
  };
}

/**
 * The worker's scripts (`hearth.worker.js` and the tfjs parts it imports on demand,
 * `hearth.*.js`) and the wasm binaries are static files, not modules: copy them from the
 * package's dist/ beside the app (the app passes `workerUrl` to find them).
 */
function copyHearthWorker(): Plugin {
  let outDir = '';
  return {
    name: 'copy-hearth-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const target = resolve(outDir, 'hearth');
      mkdirSync(target, { recursive: true });
      const dist = resolve(hearthRoot, 'dist');
      for (const f of readdirSync(dist).filter((f) => /^hearth\.[\w-]+\.js$/.test(f) || f.endsWith('.wasm'))) copyFileSync(resolve(dist, f), resolve(target, f));
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [hearthByName(), copyHearthWorker()],
  // One React for the app and hearth/react (which imports the app's own copy).
  resolve: { dedupe: ['react', 'react-dom'] },
  build: { outDir: resolve(here, 'dist'), emptyOutDir: true },
  logLevel: 'warn',
});
