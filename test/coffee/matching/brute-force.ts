// The true minimum by trying every grouping: slow, obviously right, for checking the matcher on small cases.
import type { MatchInput } from '../../../src/coffee/matching/types';

/** Pairs of ids that met within the window, as "a|b" with a < b; worked out independently of the matcher. */
export function metPairs(input: MatchInput): Set<string> {
  const latest = Math.max(...input.history.map((r) => r.round));
  const counted = input.history.filter((r) => input.windowRounds === null || r.round > latest - input.windowRounds);
  const met = new Set<string>();
  for (const round of counted) {
    round.groups.forEach((group, g) => {
      if (round.met?.[g] === false) return;
      for (const a of group) for (const b of group) if (a < b) met.add(`${a}|${b}`);
    });
  }
  return met;
}

export function repeatsOf(met: Set<string>, groups: readonly (readonly string[])[]): number {
  let repeats = 0;
  for (const group of groups) {
    for (const a of group) for (const b of group) if (a < b && met.has(`${a}|${b}`)) repeats++;
  }
  return repeats;
}

/** Group sizes for n people, written out from the rules rather than taken from the matcher. */
export function sizesFor(n: number, input: MatchInput): { sitOut: number; sizes: number[] } {
  const sitOutMode = input.oddOneOut === 'sit-out';
  if (n <= 1) return { sitOut: n, sizes: [] };
  if (input.groupSize === 2) {
    if (n % 2 === 0) return { sitOut: 0, sizes: Array<number>(n / 2).fill(2) };
    return sitOutMode ? { sitOut: 1, sizes: Array<number>((n - 1) / 2).fill(2) } : { sitOut: 0, sizes: [3, ...Array<number>((n - 3) / 2).fill(2)] };
  }
  if (n === 2) return { sitOut: 0, sizes: [2] };
  const trios = Math.floor(n / 3);
  const rest = n % 3;
  if (rest === 0) return { sitOut: 0, sizes: Array<number>(trios).fill(3) };
  if (sitOutMode) return { sitOut: rest, sizes: Array<number>(trios).fill(3) };
  return rest === 1 ? { sitOut: 0, sizes: [...Array<number>(trios - 1).fill(3), 2, 2] } : { sitOut: 0, sizes: [...Array<number>(trios).fill(3), 2] };
}

/** Everyone allowed to sit out: not in the latest round's sittingOut, unless that rules out everybody. */
export function eligibleSitters(input: MatchInput): string[] {
  const ids = input.participants.map((p) => p.id);
  if (input.history.length === 0) return ids;
  const latest = Math.max(...input.history.map((r) => r.round));
  const rested = new Set(input.history.filter((r) => r.round === latest).flatMap((r) => r.sittingOut ?? []));
  const eligible = ids.filter((id) => !rested.has(id));
  return eligible.length > 0 ? eligible : ids;
}

/** The fewest repeats over every allowed set of sitters and every grouping of the rest. */
export function fewestRepeats(input: MatchInput): number {
  const met = metPairs(input);
  const ids = input.participants.map((p) => p.id);
  const { sitOut, sizes } = sizesFor(ids.length, input);
  let best = Number.POSITIVE_INFINITY;
  for (const sitters of subsets(eligibleSitters(input), sitOut)) {
    const rest = ids.filter((id) => !sitters.includes(id));
    forEachGrouping(rest, sizes, (groups) => {
      best = Math.min(best, repeatsOf(met, groups));
    });
  }
  return best;
}

function subsets(items: readonly string[], size: number): string[][] {
  if (size === 0) return [[]];
  const out: string[][] = [];
  items.forEach((item, i) => {
    for (const tail of subsets(items.slice(i + 1), size - 1)) out.push([item, ...tail]);
  });
  return out;
}

/** Every way to split people into groups of the given sizes (the first person left always starts the next group). */
function forEachGrouping(people: readonly string[], sizes: readonly number[], visit: (groups: string[][]) => void): void {
  const groups: string[][] = [];
  const go = (left: readonly string[], sizesLeft: readonly number[]): void => {
    const [first, ...others] = left;
    if (first === undefined) {
      visit(groups);
      return;
    }
    for (const size of new Set(sizesLeft)) {
      const remaining = [...sizesLeft];
      remaining.splice(remaining.indexOf(size), 1);
      for (const mates of subsets(others, size - 1)) {
        groups.push([first, ...mates]);
        go(
          others.filter((p) => !mates.includes(p)),
          remaining,
        );
        groups.pop();
      }
    }
  };
  go(people, sizes);
}
