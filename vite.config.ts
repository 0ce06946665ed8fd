import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));

// The demo shop imports the *built* SDK by its package name, exactly as a shop's app would:
// `npm run demo` builds dist/ first, and `hearth` resolves to dist/index.js here.
export default defineConfig({
  root: resolve(root, 'demo'),
  publicDir: resolve(root, 'public'),
  resolve: { alias: { hearth: resolve(root, 'dist/index.js') } },
  server: { host: '127.0.0.1', port: 5173, fs: { allow: [root] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: resolve(root, 'demo/dist'), emptyOutDir: true },
});
