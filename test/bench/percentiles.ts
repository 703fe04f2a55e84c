/** The p-th percentile (0–100) of samples, by nearest rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) throw new RangeError('No samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
