// Local repair: swap one member between two groups whenever that makes the pair of groups strictly better.
import type { MatchContext } from './context';
import { addScores, canImprove, compareScores, scoreGroup, ZERO, type Score } from './score';

/** Up to this many groups, a troubled group is compared with every other; above it, with a seeded sample. */
const COMPARE_ALL_LIMIT = 250;
const SAMPLE = 96;
const TROUBLED_PARTNERS = 32;
/** One-for-one exchanges weighed in all, so even a programme where everyone has met finishes in about a second. */
const SWAP_BUDGET = 1_000_000;

/**
 * Improves the groups in place. Scores compare repeats first, so a swap never adds a repeat: the
 * repeat count an exact step proved minimal stays minimal while frequency, recency and teams improve.
 */
export function improveGroups(ctx: MatchContext, groups: number[][]): void {
  if (groups.length < 2) return;
  const scores: Score[] = groups.map((g) => scoreGroup(ctx, g));
  const queued = new Uint8Array(groups.length);
  const work: number[] = [];
  const enqueue = (g: number): void => {
    if (queued[g] === 1 || !canImprove(scores[g] ?? ZERO)) return;
    queued[g] = 1;
    work.push(g);
  };
  groups.forEach((_, g) => enqueue(g));
  const budget = { swaps: SWAP_BUDGET };
  for (let head = 0; head < work.length && budget.swaps > 0; head++) {
    const a = work[head] ?? 0;
    queued[a] = 0;
    // Other troubled groups first: two one-team groups from different teams fix each other in one swap.
    const troubled = work.slice(head + 1, head + 1 + TROUBLED_PARTNERS);
    for (const b of troubled.concat(partnersFor(ctx, groups.length, a))) {
      if (b === a) continue;
      if (budget.swaps <= 0) break;
      if (trySwap(ctx, groups, scores, a, b, budget)) {
        enqueue(a);
        enqueue(b);
        break;
      }
    }
  }
}

function partnersFor(ctx: MatchContext, count: number, a: number): number[] {
  if (count <= COMPARE_ALL_LIMIT) {
    const all: number[] = [];
    for (let b = 0; b < count; b++) if (b !== a) all.push(b);
    return all;
  }
  const sample: number[] = [];
  while (sample.length < SAMPLE) {
    const b = ctx.random.below(count);
    if (b !== a) sample.push(b);
  }
  return sample;
}

/** Tries every one-for-one exchange between groups a and b; keeps the first strict improvement. */
function trySwap(ctx: MatchContext, groups: number[][], scores: Score[], a: number, b: number, budget: { swaps: number }): boolean {
  const ga = groups[a];
  const gb = groups[b];
  const sa = scores[a];
  const sb = scores[b];
  if (!ga || !gb || !sa || !sb) return false;
  const before = addScores(sa, sb);
  for (let i = 0; i < ga.length; i++) {
    for (let j = 0; j < gb.length; j++) {
      budget.swaps--;
      const x = ga[i] ?? 0;
      const y = gb[j] ?? 0;
      ga[i] = y;
      gb[j] = x;
      const na = scoreGroup(ctx, ga);
      const nb = scoreGroup(ctx, gb);
      if (compareScores(addScores(na, nb), before) < 0) {
        scores[a] = na;
        scores[b] = nb;
        return true;
      }
      ga[i] = x;
      gb[j] = y;
    }
  }
  return false;
}
