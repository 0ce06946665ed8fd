import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InterestModel } from '../../src/core/model/model-types.js';
import { decodeModel, encodeModel, parseManifest } from '../../src/core/model/model-format.js';

/**
 * Writes `model.json` + `model.bin` (int8 rows; none without a table) into `dir`: static files for
 * `createHearth({ modelUrl: '.../model.json' })`. Returns the files' sizes.
 */
export function writeModel(dir: string, model: InterestModel, training?: Record<string, unknown>): { json: number; bin: number } {
  mkdirSync(dir, { recursive: true });
  const { manifest, bin } = encodeModel(model, 'int8', 'model.bin', training);
  // Indented for people to read, but each array of numbers on one line: catalogue counts and
  // relations are tens of thousands of numbers, a line each would triple the file.
  const json = JSON.stringify(manifest, null, 1).replace(/\[\s*([-+\d.eE,\s]+?)\s*\]/g, (_, body: string) => `[${body.split(/\s*,\s*/).join(',')}]`);
  writeFileSync(path.join(dir, 'model.json'), json);
  // A model without a table (zero-training, perhaps with catalogue counts) is model.json alone.
  if (bin.byteLength > 0) writeFileSync(path.join(dir, 'model.bin'), bin);
  return { json: Buffer.byteLength(json), bin: bin.byteLength };
}

/** Reads a model written by `writeModel` (through the same checks the browser applies). */
export function readModel(dir: string): InterestModel {
  const manifest = parseManifest(JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')));
  const bin = manifest.table ? readFileSync(path.join(dir, manifest.table.path)) : undefined;
  return decodeModel(manifest, bin ? bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) : undefined);
}
