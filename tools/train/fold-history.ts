/** Most recent distinct items of seq[0..end), newest first, with how often each occurs. */
export function foldHistory(seq: Int32Array, end: number, window: number, items: Int32Array, counts: Float32Array): number {
  let m = 0;
  for (let k = end - 1; k >= 0; k--) {
    const it = seq[k]!;
    let found = -1;
    for (let j = 0; j < m; j++) if (items[j] === it) found = j;
    if (found >= 0) counts[found]! += 1;
    else if (m < window) {
      items[m] = it;
      counts[m] = 1;
      m++;
    } else {
      // Older repeats of items outside the window do not count; keep scanning only for repeats inside.
      continue;
    }
  }
  return m;
}
