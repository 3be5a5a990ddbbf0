/**
 * Timing figures of the benchmark: the min and median of the rounds per program and step, and
 * their ratios to the floor. On a shared machine the minimum is the least disturbed run and the
 * ratio cancels most of the load both programs see alike, so the ratio is the figure to quote.
 */
export type Samples = Map<string, number[]>;

export function record(samples: Samples, key: string, seconds: number): void {
  samples.set(key, [...(samples.get(key) ?? []), seconds]);
}

export const min = (xs: number[]) => Math.min(...xs);
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const cell = (n: number, digits = 2) => n.toFixed(digits).padStart(8);

/** One line per step: floor min/median, cloudfn min/median (seconds), ratios, ms per resource. */
export function ratioTable(samples: Samples, label: string, steps: string[], count: number): string[] {
  const head = `${label.padEnd(16)}${"floor min".padStart(10)}${"median".padStart(8)}${"ours min".padStart(10)}${"median".padStart(8)}${"× min".padStart(8)}${"× med".padStart(8)}${"ms/res".padStart(8)}`;
  const rows = steps.map((step) => {
    const floor = samples.get(`floor ${step}`) ?? [];
    const ours = samples.get(`cloudfn ${step}`) ?? [];
    if (!floor.length || !ours.length) return `${step.padEnd(16)} (not measured)`;
    const perResource = (min(ours) * 1000) / count;
    return (
      `${step.padEnd(16)}${cell(min(floor), 1).padStart(10)}${cell(median(floor), 1)}${cell(min(ours), 1).padStart(10)}` +
      `${cell(median(ours), 1)}${cell(min(ours) / min(floor))}${cell(median(ours) / median(floor))}${cell(perResource, 0)}`
    );
  });
  return [head, ...rows];
}
