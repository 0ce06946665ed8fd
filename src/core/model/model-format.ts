import { DEFAULT_PARAMS } from './params.js';
import type { ModelParams } from './model-types.js';
import type { EmbeddingTable, InterestModel } from './model-types.js';
import { HEARTH_ERRORS, hearthError } from '../errors.js';
import type { CutFacts } from './head-cut.js';

/**
 * The on-disk form of a site-trained model: `model.json` (knobs + layout) beside one binary
 * file (`keys`, then `context`, then `target` vectors). Vectors are stored as int8 with one
 * float scale per row: a quarter of float32's bytes, and well within the model's noise.
 */
export const MODEL_FORMAT = 'hearth-model';
export const MODEL_FORMAT_VERSION = 1;

export interface ModelManifest {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  /** Changes with every training run; the browser cache keys on it. */
  version: string;
  params: ModelParams;
  table?: {
    count: number;
    dims: number;
    dtype: 'int8' | 'float32';
    /** Path of the binary file, relative to model.json. */
    path: string;
    byteLength: number;
    /**
     * "Shoppers went on to" lists after the vectors: offsets (uint32 × count+1), neighbour rows
     * (uint32 × entries), weights (float32 × entries). Absent: none.
     */
    next?: { entries: number };
  };
  /**
   * Taxonomy feature counts over the shop's catalogue (`catalog-rarity.ts`), as parallel arrays:
   * feature hashes (sorted, unique) and how many of `items` carry each. Plain JSON: a catalogue
   * has a few thousand brands and categories, not the millions of a table.
   */
  catalog?: {
    items: number;
    keys: number[];
    counts: number[];
    /** Features held together (`catalog-relations.ts`): feature k's are entries offsets[k]..offsets[k+1]−1 of targets (indices into keys) and together (items holding both). */
    related?: { offsets: number[]; targets: number[]; together: number[] };
  };
  /** Free-form facts about the run (data, metrics on validation); never read by the SDK. */
  training?: Record<string, unknown>;
  /**
   * Present when the table holds head rows only (`head-cut.ts`): items outside the head rank by
   * their feature rows. `budgetBytes` bounds model.json + model.bin, all a worker fetches of the
   * model before its first personalised rank. Older SDKs ignore it and load the table as usual.
   */
  cut?: ManifestCut;
}

export type ManifestCut = CutFacts & { budgetBytes?: number };

/** Serialises a model to its manifest and binary file. */
export function encodeModel(model: InterestModel, dtype: 'int8' | 'float32' = 'int8', path = 'model.bin', training?: Record<string, unknown>, cut?: ManifestCut): { manifest: ModelManifest; bin: Uint8Array } {
  const manifest: ModelManifest = { format: MODEL_FORMAT, formatVersion: MODEL_FORMAT_VERSION, version: model.version, params: model.params };
  if (training) manifest.training = training;
  if (cut) manifest.cut = cut;
  const c = model.catalog;
  if (c) {
    manifest.catalog = { items: c.items, keys: Array.from(c.keys), counts: Array.from(c.counts) };
    if (c.related) manifest.catalog.related = { offsets: Array.from(c.related.offsets), targets: Array.from(c.related.targets), together: Array.from(c.related.together) };
  }
  if (!model.table) return { manifest, bin: new Uint8Array(0) };
  const { keys, context, target } = model.table;
  const dims = model.params.dims;
  const count = keys.length;
  const parts: Uint8Array[] = [new Uint8Array(keys.buffer.slice(keys.byteOffset, keys.byteOffset + keys.byteLength))];
  for (const vectors of [context, target]) parts.push(dtype === 'int8' ? quantize(vectors, count, dims) : new Uint8Array(vectors.slice().buffer));
  const next = model.table.next;
  if (next) for (const a of [next.offsets, next.rows, next.weights]) parts.push(new Uint8Array(a.slice().buffer));
  const byteLength = parts.reduce((s, p) => s + p.byteLength, 0);
  const bin = new Uint8Array(byteLength);
  let offset = 0;
  for (const p of parts) {
    bin.set(p, offset);
    offset += p.byteLength;
  }
  manifest.table = { count, dims, dtype, path, byteLength, ...(next ? { next: { entries: next.rows.length } } : {}) };
  return { manifest, bin };
}

/** int8 rows with a float32 scale per row: [scales (count × 4 bytes)][values (count × dims)]. */
function quantize(vectors: Float32Array, count: number, dims: number): Uint8Array {
  const out = new Uint8Array(count * 4 + count * dims);
  const scales = new Float32Array(out.buffer, 0, count);
  const values = new Int8Array(out.buffer, count * 4, count * dims);
  for (let r = 0; r < count; r++) {
    let max = 0;
    for (let j = 0; j < dims; j++) max = Math.max(max, Math.abs(vectors[r * dims + j]!));
    const scale = max / 127 || 1;
    scales[r] = scale;
    for (let j = 0; j < dims; j++) values[r * dims + j] = Math.round(vectors[r * dims + j]! / scale);
  }
  return out;
}

function dequantize(bytes: Uint8Array, count: number, dims: number): Float32Array {
  const copy = bytes.slice(); // aligned copy: the slice may start at any byte offset
  const scales = new Float32Array(copy.buffer, 0, count);
  const values = new Int8Array(copy.buffer, count * 4, count * dims);
  const out = new Float32Array(count * dims);
  for (let r = 0; r < count; r++) for (let j = 0; j < dims; j++) out[r * dims + j] = values[r * dims + j]! * scales[r]!;
  return out;
}

function fail(what: string): never {
  throw hearthError(HEARTH_ERRORS.model, `model: ${what}`);
}

/** Checks a manifest read from the network before anything trusts its numbers. */
export function parseManifest(value: unknown): ModelManifest {
  const m = value as Partial<ModelManifest> | null;
  if (!m || m.format !== MODEL_FORMAT) fail(`format must be '${MODEL_FORMAT}'`);
  if (m.formatVersion !== MODEL_FORMAT_VERSION) fail(`formatVersion ${String(m.formatVersion)} is not supported (expected ${MODEL_FORMAT_VERSION})`);
  if (typeof m.version !== 'string' || !m.version) fail('version must be a non-empty string');
  const params: ModelParams = { ...DEFAULT_PARAMS, ...(m.params ?? {}) };
  if (!Number.isInteger(params.dims) || params.dims < 4 || params.dims > 1024) fail('params.dims must be an integer in 4..1024');
  if (params.orderWeights !== undefined) {
    const ow: unknown = params.orderWeights;
    if (!Array.isArray(ow) || ow.length > 1024 || !ow.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) fail('params.orderWeights must be at most 1024 finite non-negative numbers');
  }
  if (params.normalize !== undefined && typeof params.normalize !== 'boolean') fail('params.normalize must be a boolean');
  if (params.relatedWeight !== undefined && !(typeof params.relatedWeight === 'number' && params.relatedWeight >= 0 && params.relatedWeight <= 100)) fail('params.relatedWeight must be a number in 0..100');
  if (params.nextItems !== undefined) {
    const n: unknown = params.nextItems;
    const ok = (k: string) => typeof (n as Record<string, unknown>)[k] === 'number' && Number.isFinite((n as Record<string, number>)[k]) && (n as Record<string, number>)[k]! >= 0;
    if (typeof n !== 'object' || n === null || !['gamma', 'lambda', 'recency'].every(ok)) fail('params.nextItems must be { gamma, lambda, recency }, finite non-negative numbers');
  }
  const manifest: ModelManifest = { format: MODEL_FORMAT, formatVersion: MODEL_FORMAT_VERSION, version: m.version, params };
  if (m.catalog !== undefined) manifest.catalog = parseCatalog(m.catalog);
  if (m.cut !== undefined) manifest.cut = parseCut(m.cut);
  if (m.table) {
    const t = m.table;
    if (t.dims !== params.dims) fail('table.dims must equal params.dims');
    if (!Number.isInteger(t.count) || t.count < 0 || t.count > 5_000_000) fail('table.count must be an integer in 0..5e6');
    if (t.dtype !== 'int8' && t.dtype !== 'float32') fail("table.dtype must be 'int8' or 'float32'");
    if (typeof t.path !== 'string' || !/^[\w.-]+$/.test(t.path)) fail('table.path must be a plain file name');
    if (t.next !== undefined && !(Number.isInteger(t.next.entries) && t.next.entries >= 0 && t.next.entries <= 50_000_000)) fail('table.next.entries must be an integer in 0..5e7');
    manifest.table = t;
  }
  return manifest;
}

/** The cut's facts, checked: the budget is what tests and tools hold the download to. */
function parseCut(value: unknown): ManifestCut {
  const c = value as Partial<ManifestCut> | null;
  const count = (k: 'items' | 'headItems' | 'features' | 'featureRows') => Number.isInteger(c?.[k]) && c![k]! >= 0;
  if (!c || typeof c !== 'object' || !count('items') || !count('headItems') || !count('features') || !count('featureRows')) fail('cut must be { items, headItems, features, featureRows }, non-negative integers');
  if (!(typeof c.interactionShare === 'number' && c.interactionShare >= 0 && c.interactionShare <= 1)) fail('cut.interactionShare must be a number in 0..1');
  if (c.budgetBytes !== undefined && !(Number.isInteger(c.budgetBytes) && c.budgetBytes > 0)) fail('cut.budgetBytes must be a positive integer');
  const out: ManifestCut = { items: c.items!, headItems: c.headItems!, features: c.features!, featureRows: c.featureRows!, interactionShare: c.interactionShare };
  if (c.budgetBytes !== undefined) out.budgetBytes = c.budgetBytes;
  return out;
}

/** Catalogue counts, checked: a bad file must not make a rarity negative or a lookup wrong. */
function parseCatalog(value: unknown): NonNullable<ModelManifest['catalog']> {
  const c = value as Partial<NonNullable<ModelManifest['catalog']>> | null;
  if (!c || typeof c !== 'object') fail('catalog must be { items, keys, counts }');
  const { items, keys, counts } = c;
  if (!Number.isInteger(items) || items! < 1 || items! > 100_000_000) fail('catalog.items must be an integer in 1..1e8');
  if (!Array.isArray(keys) || !Array.isArray(counts) || keys.length !== counts.length || keys.length > 1_000_000) fail('catalog.keys and catalog.counts must be arrays of the same length (at most 1e6)');
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as number;
    if (!Number.isInteger(key) || key < 0 || key > 0xffffffff || (k > 0 && key <= keys[k - 1]!)) fail('catalog.keys must be sorted, unique 32-bit unsigned integers');
    const count = counts[k] as number;
    if (!Number.isInteger(count) || count < 1 || count > items!) fail('catalog.counts must be integers in 1..catalog.items');
  }
  const out: NonNullable<ModelManifest['catalog']> = { items: items!, keys, counts };
  if (c.related !== undefined) out.related = parseRelated(c.related, counts);
  return out;
}

/** Relations, checked so that a bad file cannot index outside the keys or give a share above 1. */
function parseRelated(value: unknown, counts: number[]): NonNullable<NonNullable<ModelManifest['catalog']>['related']> {
  const r = value as { offsets?: unknown; targets?: unknown; together?: unknown } | null;
  const { offsets, targets, together } = r ?? {};
  if (!Array.isArray(offsets) || !Array.isArray(targets) || !Array.isArray(together)) fail('catalog.related must be { offsets, targets, together }, arrays of integers');
  if (offsets.length !== counts.length + 1 || offsets[0] !== 0 || offsets[counts.length] !== targets.length || targets.length !== together.length) {
    fail('catalog.related.offsets must run from 0 to the number of targets, one more than catalog.keys; targets and together the same length');
  }
  for (let k = 0; k < counts.length; k++) {
    if (!Number.isInteger(offsets[k + 1]) || (offsets[k + 1] as number) < (offsets[k] as number)) fail('catalog.related.offsets must be integers that never decrease');
  }
  for (let k = 0; k < counts.length; k++) {
    for (let j = offsets[k] as number; j < (offsets[k + 1] as number); j++) {
      const t = targets[j] as number;
      const both = together[j] as number;
      if (!Number.isInteger(t) || t < 0 || t >= counts.length || t === k) fail('catalog.related.targets must index catalog.keys (not the feature itself)');
      if (!Number.isInteger(both) || both < 1 || both > Math.min(counts[k]!, counts[t]!)) fail('catalog.related.together must be integers in 1..the smaller count of the two features');
    }
  }
  // Checked entry by entry above.
  return { offsets: offsets as number[], targets: targets as number[], together: together as number[] };
}

/** The "shoppers went on to" lists, checked so that a bad file cannot index outside the table. */
function readNext(bin: ArrayBuffer, offset: number, count: number, entries: number): NonNullable<EmbeddingTable['next']> {
  const offsets = new Uint32Array(bin.slice(offset, offset + (count + 1) * 4));
  const rows = new Uint32Array(bin.slice(offset + (count + 1) * 4, offset + (count + 1 + entries) * 4));
  const weights = new Float32Array(bin.slice(offset + (count + 1 + entries) * 4, offset + (count + 1 + 2 * entries) * 4));
  if (offsets[0] !== 0 || offsets[count] !== entries) fail('table.next offsets must run from 0 to entries');
  for (let r = 0; r < count; r++) if (offsets[r]! > offsets[r + 1]!) fail('table.next offsets must not decrease');
  for (let k = 0; k < entries; k++) if (rows[k]! >= count || !(weights[k]! >= 0 && weights[k]! <= 1)) fail('table.next entries must name table rows with weights in 0..1');
  return { offsets, rows, weights };
}

/** Builds the in-memory model from a checked manifest and its binary file. */
export function decodeModel(manifest: ModelManifest, bin?: ArrayBuffer): InterestModel {
  const model: InterestModel = { version: manifest.version, params: manifest.params };
  const c = manifest.catalog;
  if (c) {
    model.catalog = { items: c.items, keys: Uint32Array.from(c.keys), counts: Uint32Array.from(c.counts) };
    if (c.related) model.catalog.related = { offsets: Uint32Array.from(c.related.offsets), targets: Uint32Array.from(c.related.targets), together: Uint32Array.from(c.related.together) };
  }
  const t = manifest.table;
  if (!t) return model;
  if (!bin || bin.byteLength !== t.byteLength) fail(`${t.path} must be ${t.byteLength} bytes, got ${bin?.byteLength ?? 0}`);
  const { count, dims } = t;
  const keys = new Uint32Array(bin.slice(0, count * 4));
  const rowBytes = t.dtype === 'int8' ? count * 4 + count * dims : count * dims * 4;
  const read = (offset: number): Float32Array =>
    t.dtype === 'int8' ? dequantize(new Uint8Array(bin, offset, rowBytes), count, dims) : new Float32Array(bin.slice(offset, offset + rowBytes));
  const table: EmbeddingTable = { keys, context: read(count * 4), target: read(count * 4 + rowBytes) };
  for (let i = 1; i < count; i++) if (keys[i - 1]! >= keys[i]!) fail('table keys must be sorted and unique');
  if (t.next) table.next = readNext(bin, count * 4 + 2 * rowBytes, count, t.next.entries);
  model.table = table;
  return model;
}
