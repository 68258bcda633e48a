// Times building every community's digest one after another, as the scheduler's steps would. The approaches take
// turns community by community (and which goes first alternates), so a warming cache or a busy machine weighs on both alike.
import { performance } from 'node:perf_hooks';
import type { Digest } from '../../../src/communities/digest-content';
import type { Community } from '../../../src/store/communities';

export interface Approach {
  name: string;
  build(c: Community): Promise<Digest>;
}

export interface Timing {
  name: string;
  /** The sum of the approach's own digest times. */
  totalMs: number;
  perDigestMs: number[];
  digests: Digest[];
}

export async function timeSideBySide(approaches: Approach[], communities: Community[]): Promise<Timing[]> {
  const timings: Timing[] = approaches.map((a) => ({ name: a.name, totalMs: 0, perDigestMs: [], digests: [] }));
  for (const [i, community] of communities.entries()) {
    const order = i % 2 === 0 ? approaches.map((_, k) => k) : approaches.map((_, k) => approaches.length - 1 - k);
    for (const k of order) {
      const approach = approaches[k] as Approach;
      const timing = timings[k] as Timing;
      const t0 = performance.now();
      timing.digests[i] = await approach.build(community);
      const took = performance.now() - t0;
      timing.perDigestMs[i] = took;
      timing.totalMs += took;
    }
  }
  return timings;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
