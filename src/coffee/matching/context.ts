// What every step of the matcher shares: who met whom, teams, and the seeded randomness.
import type { MetGraph } from './history';
import type { Random } from './random';

export interface MatchContext {
  met: MetGraph;
  /** Team number per person, or NO_TEAM. */
  team: Int32Array;
  /** Whether mixing teams counts at all. */
  preferDifferentTeams: boolean;
  random: Random;
}
