import { createHearth, type ExperimentArm, type Hearth } from 'hearth-sdk';
import { choose, drawShopper, VISITS, visitPage } from './ab-shoppers.js';
import { seeded } from './catalogue.js';
import { WORKER_URL } from './state.js';

/**
 * Runs the A/B test's simulated shoppers through the real SDK: one Hearth instance per shopper, in
 * its own database, with the demo experiment, so each shopper's arm is drawn by the experiments
 * feature itself (crypto random, kept in localStorage). A few shoppers at a time (each is a worker),
 * each closed and its database and arm deleted when done; the visitor's own `hearth-demo` is never touched.
 */
export const EXPERIMENT = { id: 'demo-ab', holdout: 0.5 };
const DB_PREFIX = 'hearth-demo-ab-';
const AT_ONCE = 4;

export interface AbOutcome { k: number; arm: ExperimentArm; hit: boolean; position: number; fallback: boolean }

const armKey = (dbName: string) => `hearth.experiment.${dbName}`;

/** Deletes one shopper's database; a deletion still blocked after 2 s is left to finish on its own. */
function dropDb(name: string): Promise<void> {
  return Promise.race([
    new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = () => resolve();
    }),
    new Promise<void>((resolve) => setTimeout(resolve, 2_000)),
  ]);
}

/** Leftovers of a run the visitor left mid-way (a reload during the run): their databases and arms. */
export async function cleanUpAb(): Promise<void> {
  for (const key of Object.keys(localStorage)) if (key.startsWith(armKey(DB_PREFIX))) localStorage.removeItem(key);
  const dbs = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  await Promise.all(dbs.filter((d) => d.name?.startsWith(DB_PREFIX)).map((d) => dropDb(d.name!)));
}

async function visitAll(hearth: Hearth, k: number, seed: number): Promise<Omit<AbOutcome, 'arm'>> {
  // Mixed, so that neighbouring shoppers' first draws differ (the LCG's first output barely moves with its seed).
  const rnd = seeded(Math.imul(seed ^ Math.imul(k + 1, 0x9e3779b1), 0x85ebca6b));
  for (let i = 0; i < 3; i++) rnd();
  const shopper = drawShopper(k, rnd);
  const start = Date.now() - VISITS * 86_400_000;
  let last = { hit: false, position: 0, fallback: false };
  for (let v = 0; v < VISITS; v++) {
    const { list, listId } = visitPage(shopper, v);
    const ranked = await hearth.rank(list, { listId });
    const chosen = choose(shopper, list, rnd);
    const position = ranked.items.indexOf(chosen) + 1;
    last = { hit: position <= 5, position, fallback: ranked.fallback && ranked.arm !== 'holdout' };
    // One visit a day; the holdout records its events too, as the feature does for a real shop.
    const at = start + v * 86_400_000;
    await hearth.track({ type: 'click', item: chosen, listId, position: position - 1, at });
    await hearth.track({ type: 'view', item: chosen, dwellMs: 5_000 + Math.round(rnd() * 40_000), at: at + 1_000 });
  }
  return { k, ...last };
}

async function runShopper(k: number, seed: number): Promise<AbOutcome> {
  const dbName = `${DB_PREFIX}${k}`;
  const hearth = createHearth({ dbName, workerUrl: WORKER_URL, timeoutMs: 4_000, experiment: EXPERIMENT });
  try {
    const assignment = await hearth.experiment();
    if (!assignment) throw new Error('the demo experiment gave no arm');
    return { arm: assignment.arm, ...(await visitAll(hearth, k, seed)) };
  } finally {
    await hearth.close();
    localStorage.removeItem(armKey(dbName));
    await dropDb(dbName);
  }
}

/** Runs `n` shoppers, `AT_ONCE` at a time; `onShopper` after each, `stop()` ends it early (the outcomes so far stand). */
export async function runAb(n: number, seed: number, onShopper: (done: AbOutcome[]) => void, stop: () => boolean): Promise<AbOutcome[]> {
  await cleanUpAb();
  const done: AbOutcome[] = [];
  let next = 0;
  const lane = async () => {
    while (next < n && !stop()) {
      const outcome = await runShopper(next++, seed);
      done.push(outcome);
      onShopper(done);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, lane));
  return done;
}
