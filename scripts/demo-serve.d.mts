/** Types of scripts/demo-serve.mjs, for the demo's Playwright spec. */
export interface DemoRequest { n: number; at: number; method: string; path: string; query: string; bodyBytes: number; dest: string; cookie: boolean; from: string; visitor: string }
export declare const DEMO_DIST: string;
export declare const LOG_PATH: string;
export declare const CSP: string;
export declare function buildDemo(options?: { quiet?: boolean; outDir?: string; datasets?: string; shoppers?: number }): Promise<void>;
export declare function startDemoServer(options?: { port?: number; host?: string; dir?: string }): Promise<{ origin: string; log: DemoRequest[]; close(): Promise<void> }>;
