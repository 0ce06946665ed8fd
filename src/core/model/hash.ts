/**
 * 32-bit string hashing for the hashing trick: every feature string maps to a bucket without
 * a vocabulary, so a new shop or a new item needs no catalogue. FNV-1a over UTF-16 code
 * units, finished with murmur3's avalanche so nearby strings land far apart.
 */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** murmur3's finaliser: a cheap bijective mix of 32 bits. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
