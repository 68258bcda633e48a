// Many small random programmes: the matcher's repeats must equal the true minimum found by trying everything.
import { matchGroups } from '../../../src/coffee/matching/match-groups';
import { createRandom } from '../../../src/coffee/matching/random';
import type { MatchInput, PastRound } from '../../../src/coffee/matching/types';
import { eligibleSitters, fewestRepeats, metPairs, repeatsOf, sizesFor } from './brute-force';
import { expectEveryoneOnce, named } from './support';

/** A random programme of up to 10 people with a messy history: leavers, missed meetings, sitters. */
function randomProgramme(seed: number): MatchInput {
  const random = createRandom(seed);
  const n = random.below(5) === 0 ? 1 + random.below(4) : 5 + random.below(6);
  const ids = named(n);
  const pool = [...ids, 'Left1', 'Left2'];
  const history: PastRound[] = [];
  const rounds = random.below(14);
  for (let r = 1; r <= rounds; r++) {
    const shuffled = random.shuffle([...pool]);
    const groups: string[][] = [];
    const size = 2 + random.below(2);
    while (shuffled.length >= size) groups.push(shuffled.splice(0, size));
    history.push({
      round: r,
      groups,
      met: groups.map(() => random.below(10) > 0),
      sittingOut: shuffled.filter((id) => ids.includes(id)),
    });
  }
  return {
    participants: ids.map((id) => ({ id })),
    history,
    groupSize: random.below(2) === 0 ? 2 : 3,
    windowRounds: random.below(2) === 0 ? null : 2 + random.below(8),
    seed,
    oddOneOut: random.below(2) === 0 ? 'trio' : 'sit-out',
  };
}

describe('matcher against brute force (up to 10 people)', () => {
  const seeds = Array.from({ length: 1000 }, (_, i) => i + 1);

  it.each(seeds)('programme %i: shape, everyone once, honest count, fewest repeats', (seed) => {
    const programme = randomProgramme(seed);
    const result = matchGroups(programme);
    const ids = programme.participants.map((p) => p.id);
    expectEveryoneOnce(result, ids);
    const { sitOut, sizes } = sizesFor(ids.length, programme);
    expect(result.sittingOut).toHaveLength(sitOut);
    expect(result.groups.map((g) => g.length).sort()).toEqual([...sizes].sort());
    for (const sitter of result.sittingOut) expect(eligibleSitters(programme)).toContain(sitter);
    expect(result.repeats).toBe(repeatsOf(metPairs(programme), result.groups));
    expect(result.repeats).toBe(fewestRepeats(programme));
  });
});
