import type { TrainConfig } from './train-config.js';

/** The training examples: every position k ≥ 1 of every sequence, as (user, position), and their epoch order. */
export interface Examples {
  total: number;
  user: Int32Array;
  pos: Int32Array;
  /** Example indices in this epoch's order (reshuffled in place each epoch). */
  order: Int32Array;
}

export function listExamples(sequences: readonly Int32Array[]): Examples {
  let total = 0;
  for (const s of sequences) total += Math.max(0, s.length - 1);
  const user = new Int32Array(total);
  const pos = new Int32Array(total);
  let e = 0;
  sequences.forEach((s, u) => {
    for (let k = 1; k < s.length; k++) {
      user[e] = u;
      pos[e] = k;
      e++;
    }
  });
  const order = Int32Array.from({ length: total }, (_, i) => i);
  return { total, user, pos, order };
}

/** Fisher–Yates shuffle of `order` in place, drawing from `rnd`. */
export function shuffle(order: Int32Array, rnd: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

/**
 * One batch's buffers, allocated once per run and reused by every batch: nb examples, S history
 * rows in all (at most batch × window), N shared negatives, d dims.
 */
export interface BatchWork {
  d: number;
  /** window */
  L: number;
  N: number;
  /** Examples in this batch. */
  nb: number;
  /** History rows in this batch. */
  S: number;
  /** The shared negatives, their logQ corrections, their target vectors (N × d) and its transpose. */
  negs: Int32Array;
  corr: Float32Array;
  Tneg: Float32Array;
  TnegT: Float32Array;
  /** History rows' context vectors (S × d), each example's target vector (nb × d), and their gradients. */
  Qall: Float32Array;
  Ty: Float32Array;
  gTy: Float32Array;
  gQpos: Float32Array;
  /** exp of each (history row, negative) logit, then its gradient (S × N). */
  GZ: Float32Array;
  /** Qall transposed (d × S) and the negatives' gradient (N × d), for the backward products. */
  QallT: Float32Array;
  gTneg: Float32Array;
  /** Per example: its history rows' items and log weights (from exOff[e], exM[e] of them) and its target. */
  exItems: Int32Array;
  exLogW: Float32Array;
  exM: Int32Array;
  exOff: Int32Array;
  exY: Int32Array;
  hCounts: Float32Array;
  /** Per example scratch: positive logits per history row; per negative score, mask, Σ exp and gradient factor. */
  zPos: Float32Array;
  sNeg: Float32Array;
  valid: Uint8Array;
  smNeg: Float64Array;
  fNeg: Float64Array;
  /** seen[i] === mark: item i is the current example's target or in its history (masked as a negative). */
  seen: Int32Array;
  mark: number;
}

export function createBatchWork(config: TrainConfig, items: number): BatchWork {
  const d = config.dims;
  const L = config.window;
  const B = config.batch;
  const N = config.negatives;
  const maxS = B * L;
  return {
    d,
    L,
    N,
    nb: 0,
    S: 0,
    negs: new Int32Array(N),
    corr: new Float32Array(N),
    Tneg: new Float32Array(N * d),
    TnegT: new Float32Array(d * N),
    Qall: new Float32Array(maxS * d),
    Ty: new Float32Array(B * d),
    gTy: new Float32Array(B * d),
    gQpos: new Float32Array(maxS * d),
    GZ: new Float32Array(maxS * N),
    QallT: new Float32Array(d * maxS),
    gTneg: new Float32Array(N * d),
    exItems: new Int32Array(B * L),
    exLogW: new Float32Array(B * L),
    exM: new Int32Array(B),
    exOff: new Int32Array(B),
    exY: new Int32Array(B),
    hCounts: new Float32Array(L),
    zPos: new Float32Array(L),
    sNeg: new Float32Array(N),
    valid: new Uint8Array(N),
    smNeg: new Float64Array(N),
    fNeg: new Float64Array(N),
    seen: new Int32Array(items),
    mark: 0,
  };
}
