/**
 * A deterministic vocabulary for titles and names: words made of syllables, so a size needs no
 * word list in the repo and every seed gets the same words for the same index.
 */
const ONSETS = ['b', 'c', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'cl', 'st', 'tr', 'sh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];

/** The i-th word of the vocabulary (two or three syllables). */
export function word(i: number): string {
  let n = i;
  let out = '';
  const syllables = 2 + (i % 2);
  for (let s = 0; s < syllables; s++) {
    out += ONSETS[n % ONSETS.length]! + VOWELS[Math.floor(n / ONSETS.length) % VOWELS.length]!;
    n = Math.floor(n / (ONSETS.length * VOWELS.length)) + 7 * (s + 1) + i;
  }
  return out;
}

export const ADJECTIVES = ['classic', 'light', 'pro', 'soft', 'compact', 'deluxe', 'eco', 'everyday', 'sport', 'travel', 'mini', 'max', 'smooth', 'fresh', 'bold', 'pure'];
