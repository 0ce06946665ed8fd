/**
 * Size caps on everything a page can hand to Hearth. They keep one bad call from filling the
 * shopper's disk or stalling the worker; the README's "Limits" table mirrors these numbers.
 */
export const LIMITS = {
  idLength: 256,
  titleLength: 1_000,
  brandLength: 200,
  categoryLength: 200,
  categories: 16,
  attributes: 64,
  attributeKeyLength: 64,
  attributeValueLength: 256,
  attributeArrayLength: 32,
  listIdLength: 256,
  orderIdLength: 256,
  maxPosition: 1_000_000,
  /** One day: longer dwell is a tab left open, not interest. */
  maxDwellMs: 86_400_000,
  /** Candidates scored per call; the rest keep their original order after them. */
  maxCandidates: 5_000,
  /** Events kept per shopper; the oldest are pruned past this. */
  maxEvents: 10_000,
  dbNameLength: 128,
  /** Entries per rule list (`exclude`, `pin`, `boost`, a match's `ids`). */
  rules: 1_000,
  /** Largest boost weight, in places. */
  maxBoost: 1_000_000,
} as const;
