/**
 * How every Hearth browser run starts Chromium: Debian's build (Playwright's own download is
 * not reachable here), with WebGPU on SwiftShader. One list, shared by the tests and benches.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  // Without these, Chromium keeps dialling Google's hosts, which this network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // WebGPU on a CPU adapter, so its path is tested for correctness without a GPU.
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
];
