import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { decodeModel, encodeModel, parseManifest, type ManifestCut } from '../../src/core/model/model-format.js';
import { cutModel, type CutOptions } from '../../src/core/model/head-cut.js';

/**
 * Writes `model.json` + `model.bin` (int8 rows; none without a table) into `dir`: static files for
 * `createHearth({ modelUrl: '.../model.json' })`. Returns the files' sizes.
 */
export function writeModel(dir: string, model: InterestModel, training?: Record<string, unknown>, cut?: ManifestCut): { json: number; bin: number } {
  const { json, bin } = serialise(model, training, cut);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'model.json'), json);
  // A model without a table (zero-training, perhaps with catalogue counts) is model.json alone.
  if (bin.byteLength > 0) writeFileSync(path.join(dir, 'model.bin'), bin);
  return { json: Buffer.byteLength(json), bin: bin.byteLength };
}

function serialise(model: InterestModel, training?: Record<string, unknown>, cut?: ManifestCut): { json: string; bin: Uint8Array } {
  const { manifest, bin } = encodeModel(model, 'int8', 'model.bin', training, cut);
  // Indented for people to read, but each array of numbers on one line: catalogue counts and
  // relations are tens of thousands of numbers, a line each would triple the file.
  const json = JSON.stringify(manifest, null, 1).replace(/\[\s*([-+\d.eE,\s]+?)\s*\]/g, (_, body: string) => `[${body.split(/\s*,\s*/).join(',')}]`);
  return { json, bin };
}

/** How to cut a model for download: a byte budget for model.json + model.bin and/or row caps. */
export type ExportCut = Omit<CutOptions, 'binBudget'> & { budgetBytes?: number };

/**
 * Writes the model with head rows only (`src/core/model/head-cut.ts`): the most id rows that keep
 * model.json + model.bin within `budgetBytes`. The JSON's size is known only once written, so the
 * binary's share is narrowed until both fit.
 */
export function writeCutModel(dir: string, model: InterestModel, cut: ExportCut, training?: Record<string, unknown>): { json: number; bin: number; model: InterestModel; cut: ManifestCut } {
  const budget = cut.budgetBytes;
  let binBudget = budget === undefined ? undefined : budget - Buffer.byteLength(serialise({ ...model, table: undefined }, training).json) - 512;
  for (let attempt = 0; ; attempt++) {
    if (binBudget !== undefined && binBudget <= 0) throw new Error(`--download-budget ${budget} bytes is smaller than model.json alone`);
    const { model: small, facts } = cutModel(model, { ...cut, ...(binBudget === undefined ? {} : { binBudget }) });
    const manifestCut: ManifestCut = budget === undefined ? facts : { ...facts, budgetBytes: budget };
    const { json, bin } = serialise(small, training, manifestCut);
    const total = Buffer.byteLength(json) + bin.byteLength;
    if (budget === undefined || total <= budget || attempt >= 8) {
      if (budget !== undefined && total > budget) throw new Error(`cut model is ${total} bytes, over the ${budget}-byte budget`);
      return { ...writeModel(dir, small, training, manifestCut), model: small, cut: manifestCut };
    }
    binBudget! -= total - budget;
  }
}

/** Reads a model written by `writeModel` (through the same checks the browser applies). */
export function readModel(dir: string): InterestModel {
  const manifest = parseManifest(JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')));
  const bin = manifest.table ? readFileSync(path.join(dir, manifest.table.path)) : undefined;
  return decodeModel(manifest, bin ? bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) : undefined);
}
