/** One shard of an engine evaluation, in a worker thread (see tools/bench/accuracy.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { readDataset } from '../eval/dataset.js';
import { evaluateEngine, type EvalOptions } from '../eval/evaluate.js';
import { createNodeScorer, type NodeBackend } from '../eval/backend.js';
import { decodeModel, parseManifest } from '../../src/core/model/model-format.js';

interface Job {
  data: string;
  limitUsers?: number;
  manifest: unknown;
  bin?: ArrayBuffer;
  backend: NodeBackend;
  options: Omit<EvalOptions, 'onProgress'>;
}

const job = workerData as Job;
const ds = readDataset(job.data);
const manifest = parseManifest(job.manifest);
const model = decodeModel(manifest, job.bin);
const scorer = await createNodeScorer(job.backend);
const result = await evaluateEngine(ds, model, scorer, job.options);
parentPort!.postMessage(result);
