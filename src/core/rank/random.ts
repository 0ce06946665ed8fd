import { host } from '../host.js';

/**
 * Randomness for exploration and privacy noise. `crypto.getRandomValues` where it exists (the
 * noise must not be predictable from outside), a seeded generator for tests and replays.
 */
export type Uniform = () => number;

export function secureUniform(): Uniform {
  const buf = new Uint32Array(256);
  let i = buf.length;
  return () => {
    if (i === buf.length) {
      host.crypto.getRandomValues(buf);
      i = 0;
    }
    // (0, 1): never exactly 0, so logs below are finite.
    return (buf[i++]! + 0.5) / 4_294_967_296;
  };
}

export function seededUniform(seed: number): Uniform {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return (s + 0.5) / 4_294_967_296;
  };
}

/** Standard normal (Box–Muller). */
export function normal(u: Uniform): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Standard Gumbel: argmax of (x_i + Gumbel) samples softmax(x). */
export function gumbel(u: Uniform): number {
  return -Math.log(-Math.log(u()));
}
