// The blossom search on its own: maximum matchings and "who can be left free", checked by exhaustive search.
import { AllowedGraph } from '../../../src/coffee/matching/allowed-graph';
import { Matching } from '../../../src/coffee/matching/blossom';
import { buildMetGraph } from '../../../src/coffee/matching/history';
import { createRandom } from '../../../src/coffee/matching/random';

/** A graph on n people where exactly the listed pairs are allowed (every other pair "has met"). */
function graphWith(n: number, allowed: readonly (readonly [number, number])[]): AllowedGraph {
  const ok = new Set(allowed.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)));
  const groups: string[][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (!ok.has(`${a}|${b}`)) groups.push([`${a}`, `${b}`]);
  const indexOf = new Map(Array.from({ length: n }, (_, i) => [`${i}`, i] as const));
  return new AllowedGraph(buildMetGraph(indexOf, [{ round: 1, groups }], null));
}

/** Maximum matching size by trying everything (the lowest person left is either unmatched or matched). */
function bruteMaximum(graph: AllowedGraph, people: readonly number[]): number {
  const memo = new Map<string, number>();
  const go = (left: readonly number[]): number => {
    const [v, ...rest] = left;
    if (v === undefined) return 0;
    const key = left.join(',');
    const known = memo.get(key);
    if (known !== undefined) return known;
    let best = go(rest);
    for (const u of rest) if (graph.allowed(v, u)) best = Math.max(best, 1 + go(rest.filter((w) => w !== u)));
    memo.set(key, best);
    return best;
  };
  return go(people);
}

function randomGraph(seed: number): { n: number; graph: AllowedGraph } {
  const random = createRandom(seed);
  const n = 2 + random.below(11);
  const density = 1 + random.below(5);
  const edges: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (random.below(10) < density) edges.push([a, b]);
  return { n, graph: graphWith(n, edges) };
}

describe('blossom maximum matching', () => {
  it('needs a blossom: a triangle with a tail, starting from the wrong edge', () => {
    // Triangle 0-1-2 and the edge 2-3; starting with 1-2 matched, only a path through the odd cycle fixes it.
    const graph = graphWith(4, [[0, 1], [1, 2], [0, 2], [2, 3]]);
    const matching = new Matching(graph);
    matching.pair(1, 2);
    expect(matching.maximise()).toBe(2);
    expect(matching.mate[3]).toBe(2);
  });

  it('matches the exhaustive maximum on 500 random small graphs, from nothing and from a bad start', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { n, graph } = randomGraph(seed);
      const everyone = Array.from({ length: n }, (_, i) => i);
      const expected = bruteMaximum(graph, everyone);
      const fromNothing = new Matching(graph);
      expect(fromNothing.maximise()).toBe(expected);
      const fromGreedy = new Matching(graph);
      for (let v = 0; v < n; v++) {
        graph.someNeighbour(v, (u) => {
          if (fromGreedy.mate[v] !== -1 || fromGreedy.mate[u] !== -1) return false;
          fromGreedy.pair(v, u);
          return true;
        });
      }
      expect(fromGreedy.maximise()).toBe(expected);
    }
  });

  it('finds exactly the people some maximum matching leaves free', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { n, graph } = randomGraph(seed);
      const everyone = Array.from({ length: n }, (_, i) => i);
      const matching = new Matching(graph);
      const size = matching.maximise();
      const even = new Set(matching.freeVertices().flatMap((r) => matching.evenFrom(r)));
      for (const v of everyone) {
        const withoutV = bruteMaximum(
          graph,
          everyone.filter((u) => u !== v),
        );
        expect([v, even.has(v)]).toEqual([v, withoutV === size]);
      }
    }
  });
});
