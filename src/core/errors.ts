/**
 * Every error Hearth rejects or throws with, by name. Errors cross the worker boundary as plain
 * `{ name, message }` (structured clone keeps no class), so callers match on `name`, never
 * `instanceof`.
 */
export const HEARTH_ERRORS = {
  /** Bad input to a call; the message names the field and says what is expected. */
  input: 'HearthInputError',
  /** The worker could not start, or died and could not answer. */
  worker: 'HearthWorkerError',
  /** A call other than a rank ran past its time budget (ranks fall back instead). */
  timeout: 'HearthTimeoutError',
  /** A call after `close()`. */
  closed: 'HearthClosedError',
  /** No `Worker` here (SSR, Node): the null instance's `ready()` rejects with it. */
  unavailable: 'HearthUnavailableError',
  /** `model.json` or its weights are malformed; the worker keeps the model it had. */
  model: 'HearthModelError',
  /** Inside the worker: a call that needs `init` came before it. */
  state: 'HearthStateError',
  /** Inside the worker: an IndexedDB upgrade is blocked by another tab; it runs from memory. */
  storeBlocked: 'HearthStoreBlockedError',
  /** Inside the worker: no tfjs backend passed its self-test; the plain-JS scorer carries on. */
  backend: 'HearthBackendError',
} as const;

export type HearthErrorName = (typeof HEARTH_ERRORS)[keyof typeof HEARTH_ERRORS];

/** An error as Hearth makes it: a plain `Error` whose `name` is one of {@link HearthErrorName}. */
export interface HearthError extends Error {
  name: HearthErrorName;
}

export function hearthError(name: HearthErrorName, message: string): HearthError {
  return Object.assign(new Error(message), { name });
}
