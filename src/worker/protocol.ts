import type { BackendChoice, BackendName } from '../types.js';
import type { WireEvent, WireItem } from '../core/wire.js';
import type { ForgetWire } from '../core/validate.js';

/**
 * The page ↔ worker contract, and nothing else. Every argument and result is plain,
 * structured-clone-safe data. Errors cross as `{ name, message }`, so callers match on `name`.
 */
export interface InitConfig {
  dbName: string;
  backend: BackendChoice;
  modelUrl?: string;
  /** Base URL of the SDK's static files (wasm binaries): the worker may run from a blob: URL. */
  assetBase: string;
}

export interface WorkerReady {
  backend: BackendName;
  events: number;
  /** 'memory' when IndexedDB was unavailable (private modes): history lasts for this tab only. */
  store: 'indexeddb' | 'memory';
  modelVersion: string;
}

export interface WorkerRankResult {
  order: number[];
  scores: number[];
  backend: BackendName | 'none';
}

export interface WorkerApi {
  init(config: InitConfig): Promise<WorkerReady>;
  track(events: WireEvent[]): Promise<void>;
  rank(items: WireItem[]): Promise<WorkerRankResult>;
  forget(what: ForgetWire): Promise<void>;
  close(): Promise<void>;
}
