// Builds what ships, into dist/:
//   index.js, engine.js      ESM for bundlers and <script type="module"> (page side: no tfjs)
//   react.js                 hearth-sdk/react hooks (imports react and ./index.js)
//   hearth.worker.js         the worker core, a classic script without tfjs (answers ranks with the JS reference)
//   hearth.tf.js             tfjs-core + wasm backend + backend choice, imported by the worker after its first answers
//   hearth.{cpu,webgl,webgpu}.js  the other tfjs backends, imported only when tried (sharing hearth.tf.js' tfjs-core)
//   hearth.iife.js           the script-tag build: window.Hearth, auto-tracking, DOM rerank
//   *.wasm                   tfjs wasm backend binaries, fetched by the worker when wasm is used
//   types/                   .d.ts files
import { build } from 'vite';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, 'dist');
const src = (p) => resolve(root, 'src', p);
const common = { root, configFile: false, logLevel: 'warn', publicDir: false };
// Every entry goes into dist/, minified, with source maps, without wiping the others.
const output = { outDir: dist, emptyOutDir: false, sourcemap: true, minify: true };

await rm(dist, { recursive: true, force: true });

// 1. ESM entries. Dependencies (comlink) are bundled so dist/index.js also runs unbundled from a CDN.
await build({
  ...common,
  build: {
    ...output,
    lib: { entry: { index: src('index.ts'), engine: src('engine.ts') }, formats: ['es'] },
    rollupOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});

// 1b. hearth-sdk/react: the hooks, with react (an optional peer) and the main entry left as imports,
//     so an app that uses both gets one copy of the client.
await build({
  ...common,
  plugins: [
    {
      name: 'hearth-main-entry-external',
      enforce: 'pre',
      resolveId: (id, importer) => (id === '../../index.js' && importer?.includes('/src/page/react/') ? { id: './index.js', external: true } : null),
    },
  ],
  build: {
    ...output,
    lib: { entry: { react: src('react.ts') }, formats: ['es'] },
    rollupOptions: { external: ['react', 'react/jsx-runtime'], output: { entryFileNames: '[name].js' } },
  },
});

// 2. The worker: classic scripts, so it can start from a blob: bootstrap on a CDN and
//    importScripts its parts from there. The core has no tfjs; `hearth.tf.js` publishes
//    tfjs-core as the worker global HearthTf.tf, and each other backend's file is built with
//    tfjs-core external, mapped to that global, so all share one tfjs engine and registry.
//    File and global names: src/worker/tf/chunk-files.ts.
const classic = (entry, file, name, extra = {}) =>
  build({
    ...common,
    build: { ...output, lib: { entry, formats: ['iife'], name, fileName: () => file }, ...extra },
  });
await classic(src('worker/worker.ts'), 'hearth.worker.js', 'HearthWorker');
await classic(src('worker/tf/tf-chunk.ts'), 'hearth.tf.js', 'HearthTf');
for (const backend of ['cpu', 'webgl', 'webgpu']) {
  await classic(src(`worker/tf/backends/${backend}.ts`), `hearth.${backend}.js`, `HearthTf_${backend}`, {
    rollupOptions: { external: ['@tensorflow/tfjs-core'], output: { globals: { '@tensorflow/tfjs-core': 'HearthTf.tf' } } },
  });
}

// 3. Script-tag build: the same client, with the worker URL taken from the script's own src.
await build({
  ...common,
  resolve: { alias: [{ find: /^\.\/default-worker-url\.js$/, replacement: src('page/client/iife-worker-url.ts') }] },
  build: {
    ...output,
    lib: { entry: src('iife.ts'), formats: ['iife'], name: 'HearthLoader', fileName: () => 'hearth.iife.js' },
  },
});

// 4. wasm binaries next to the worker (the worker points setWasmPaths at its own folder).
const wasmDir = resolve(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
await mkdir(dist, { recursive: true });
for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
  await copyFile(resolve(wasmDir, f), resolve(dist, f));
}

// 5. Types.
execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', resolve(root, 'tsconfig.build.json')], { stdio: 'inherit' });
console.log('built dist/');
