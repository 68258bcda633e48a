// Local repair on its own: one-for-one swaps that fix repeats or mix teams, and never add a repeat.
import type { MatchContext } from '../../../src/coffee/matching/context';
import { buildMetGraph } from '../../../src/coffee/matching/history';
import { improveGroups } from '../../../src/coffee/matching/improve';
import { createRandom } from '../../../src/coffee/matching/random';
import { countRepeats } from '../../../src/coffee/matching/score';

function context(ids: string[], met: string[][], teams: number[] = []): MatchContext {
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  return {
    met: buildMetGraph(indexOf, [{ round: 1, groups: met }], null),
    team: Int32Array.from(ids, (_, i) => teams[i] ?? -1),
    preferDifferentTeams: teams.length > 0,
    random: createRandom(1),
  };
}

describe('improveGroups', () => {
  it('swaps members to remove a repeat', () => {
    const ctx = context(['A', 'B', 'C', 'D'], [['A', 'B']]);
    const groups = [
      [0, 1],
      [2, 3],
    ];
    improveGroups(ctx, groups);
    expect(countRepeats(ctx, groups)).toBe(0);
  });

  it('mixes teams with a swap, but not by adding a repeat', () => {
    const teams = [0, 0, 1, 1];
    const mixable = context(['A', 'B', 'C', 'D'], [], teams);
    const groups = [
      [0, 1],
      [2, 3],
    ];
    improveGroups(mixable, groups);
    for (const [a = 0, b = 0] of groups) expect(teams[a]).not.toBe(teams[b]);

    const blocked = context(['A', 'B', 'C', 'D'], [['A', 'C'], ['A', 'D']], teams);
    const kept = [
      [0, 1],
      [2, 3],
    ];
    improveGroups(blocked, kept);
    expect(kept).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
