// The exact trio search on its own: on dense random histories it must reach the true minimum.
import { AllowedGraph } from '../../../src/coffee/matching/allowed-graph';
import { buildMetGraph } from '../../../src/coffee/matching/history';
import { createRandom } from '../../../src/coffee/matching/random';
import { searchGroups } from '../../../src/coffee/matching/trio-search';
import { fewestRepeats, metPairs, repeatsOf } from './brute-force';
import { input, named, people } from './support';

describe('searchGroups (exact trios)', () => {
  it.each([6, 8, 9, 11, 12])('finds the fewest repeats for %i people on 40 dense histories', (n) => {
    const trios = n % 3 === 0 ? n / 3 : n % 3 === 2 ? (n - 2) / 3 : (n - 4) / 3;
    const pairs = n % 3 === 0 ? 0 : n % 3 === 2 ? 1 : 2;
    for (let seed = 1; seed <= 40; seed++) {
      const random = createRandom(seed * 101 + n);
      const ids = named(n);
      const groups: string[][] = [];
      ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => random.below(10) < 6 && groups.push([a, b])));
      const programme = input(people(...ids), { groupSize: 3, history: [{ round: 1, groups }] });
      const indexOf = new Map(ids.map((id, i) => [id, i]));
      const graph = new AllowedGraph(buildMetGraph(indexOf, programme.history, null));
      const budget = { work: 100_000_000 };
      const found = searchGroups(
        graph,
        ids.map((_, i) => i),
        trios,
        pairs,
        99,
        budget,
      );
      expect(budget.work).toBeGreaterThan(0);
      const asIds = (found ?? []).map((g) => g.map((v) => ids[v] ?? ''));
      expect(asIds.flat().sort()).toEqual([...ids].sort());
      expect(repeatsOf(metPairs(programme), asIds)).toBe(fewestRepeats(programme));
    }
  });
});
