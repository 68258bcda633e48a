// What the matcher takes and gives: plain JSON, so the CLI preview and the live rounds share it.

export interface Participant {
  id: string;
  /** Team or department, for "prefer people from different teams". */
  team?: string;
}

export interface PastRound {
  round: number;
  groups: string[][];
  /** One flag per group; false = they did not meet, so the pairing does not count as met. Absent = met. */
  met?: boolean[];
  /** Who sat the round out (sit-out mode), for the rotation. */
  sittingOut?: string[];
}

export interface MatchInput {
  participants: Participant[];
  history: PastRound[];
  /** 2 = pairs (an odd one out makes one trio, or sits out); 3 = trios only. */
  groupSize: 2 | 3;
  /** Rounds of history that count; null = all of it ("ever"). */
  windowRounds: number | null;
  seed: number;
  /** When people do not divide evenly: one bigger group ('trio'), or the least recent sitter-out waits ('sit-out'). */
  oddOneOut?: 'trio' | 'sit-out';
  preferDifferentTeams?: boolean;
}

export interface MatchResult {
  groups: string[][];
  sittingOut: string[];
  /** Pairs inside the groups that already met within the window. */
  repeats: number;
}
