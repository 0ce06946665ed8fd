/** One shard of an engine evaluation, in a worker thread (see tools/bench/accuracy.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { Dataset } from '../eval/dataset.js';
import { evaluateEngine, type EvalOptions } from '../eval/evaluate.js';
import { createNodeScorer, type NodeBackend } from '../eval/backend.js';
import { decodeModel, parseManifest } from '../../src/core/model/model-format.js';

interface Job {
  /** The dataset as the main thread read it (structured clone), research folder or shop exports alike. */
  dataset: Dataset;
  manifest: unknown;
  bin?: ArrayBuffer;
  backend: NodeBackend;
  options: Omit<EvalOptions, 'onProgress'>;
}

const job = workerData as Job;
const ds = job.dataset;
const manifest = parseManifest(job.manifest);
const model = decodeModel(manifest, job.bin);
const scorer = await createNodeScorer(job.backend);
const result = await evaluateEngine(ds, model, scorer, job.options);
parentPort!.postMessage(result);
