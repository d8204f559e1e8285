// R-MTR-06: how well a ranking finds known thieves — for the benchmark and the tests, never for
// scoring (nothing in the screening sees a label).

/** Area under the ROC curve: the chance that a random thief outranks a random normal customer (ties count half). */
export function rocAuc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j < idx.length && scores[idx[j]!] === scores[idx[i]!]) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let q = i; q < j; q++)
      if (labels[idx[q]!] === 1) {
        pos++;
        rankSum += avgRank;
      }
    i = j;
  }
  const neg = idx.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
}

/**
 * MAP@N as in the SGCC theft-detection literature: over the thieves found in the top N of the
 * ranking (highest score first, ties by the order given), the mean of the precision at each of
 * their positions; 0 when the top N holds none.
 */
export function mapAtN(ranked: readonly (0 | 1)[], n: number): number {
  let hits = 0;
  let sum = 0;
  for (let k = 0; k < Math.min(n, ranked.length); k++) {
    if (ranked[k] === 1) {
      hits++;
      sum += hits / (k + 1);
    }
  }
  return hits ? sum / hits : 0;
}
