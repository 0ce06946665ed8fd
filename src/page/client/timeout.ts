import { HEARTH_ERRORS, hearthError } from '../../core/errors.js';

/** Settles with `onTimeout()` if `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => T | Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(onTimeout());
      } catch (err) {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on what onTimeout threw, as it was
        reject(err);
      }
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function timeoutError(what: string, ms: number): Error {
  return hearthError(HEARTH_ERRORS.timeout, `${what} did not answer within ${ms} ms`);
}
