// The baseline most open-source coffee bots use: shuffle, then give each person the first not-yet-met person left.
import { createRandom } from '../../../src/coffee/matching/random';
import { planShape } from '../../../src/coffee/matching/shape';
import type { MatchInput, MatchResult } from '../../../src/coffee/matching/types';

/**
 * Same shape as Mobilise (pairs, one trio, sitters, trios with remainder pairs) so repeats compare
 * fairly; sitters are simply the first after the shuffle. Not product code.
 */
export function shuffleThenGreedy(input: MatchInput): MatchResult {
  const n = input.participants.length;
  const indexOf = new Map(input.participants.map((p, i) => [p.id, i]));
  const met = metKeys(input, indexOf);
  const isNew = (a: number, b: number): boolean => !met.has(a < b ? a * n + b : b * n + a);
  const order = createRandom(input.seed).shuffle(Array.from({ length: n }, (_, i) => i));
  const shape = planShape(n, input.groupSize, input.oddOneOut ?? 'trio');
  const sittingOut = order.splice(0, shape.sitOut);

  // A doubly linked list of people not yet placed, in shuffled order.
  const next = new Int32Array(n + 1).fill(-1);
  const prev = new Int32Array(n + 1).fill(-1);
  const HEAD = n;
  let last = HEAD;
  for (const v of order) {
    next[last] = v;
    prev[v] = last;
    last = v;
  }
  const unlink = (v: number): void => {
    const p = prev[v] ?? HEAD;
    const q = next[v] ?? -1;
    next[p] = q;
    if (q >= 0) prev[q] = p;
  };

  const sizes = [...Array<number>(shape.trios).fill(3), ...Array<number>(shape.pairs).fill(2)];
  const groups: number[][] = [];
  for (const size of sizes) {
    const first = next[HEAD] ?? -1;
    unlink(first);
    const group = [first];
    while (group.length < size) {
      let pick = next[HEAD] ?? -1;
      for (let v = pick; v >= 0; v = next[v] ?? -1) {
        if (group.every((g) => isNew(g, v))) {
          pick = v;
          break;
        }
      }
      unlink(pick);
      group.push(pick);
    }
    groups.push(group);
  }
  let repeats = 0;
  for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (!isNew(g[i] ?? 0, g[j] ?? 0)) repeats++;
  const idOf = (v: number): string => input.participants[v]?.id ?? '';
  return { groups: groups.map((g) => g.map(idOf)), sittingOut: sittingOut.map(idOf), repeats };
}

function metKeys(input: MatchInput, indexOf: Map<string, number>): Set<number> {
  const n = input.participants.length;
  const latest = Math.max(...input.history.map((r) => r.round));
  const keys = new Set<number>();
  for (const round of input.history) {
    if (input.windowRounds !== null && round.round <= latest - input.windowRounds) continue;
    round.groups.forEach((group, g) => {
      if (round.met?.[g] === false) return;
      const members = group.map((id) => indexOf.get(id)).filter((v): v is number => v !== undefined);
      for (const a of members) for (const b of members) if (a < b) keys.add(a * n + b);
    });
  }
  return keys;
}
