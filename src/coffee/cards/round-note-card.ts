// The line in the channel when a round is matched: how many people, in what groups, and how many sit out.
import { card, type Card } from '../../core/card';
import { countOf } from './wording';

export interface RoundNoteInput {
  round: number;
  /** Everyone active this round, including anyone sitting out. */
  people: number;
  groups: number;
  /** How many of the groups have three people. */
  trios: number;
  sittingOut: number;
  groupSize: 2 | 3;
}

/** The groups that are not trios, named by the size they must be; the matcher may make pairs or fours. */
function otherGroups(input: RoundNoteInput): string {
  const others = input.groups - input.trios;
  const inOthers = input.people - input.sittingOut - input.trios * 3;
  if (inOthers === others * 2) return countOf(others, 'pair');
  if (inOthers === others * 4) return countOf(others, 'group of four', 'groups of four');
  return countOf(others, 'other group');
}

function groupsPhrase(input: RoundNoteInput): string {
  const trios = countOf(input.trios, 'trio');
  const others = input.groups - input.trios;
  if (input.trios === 0) return otherGroups(input);
  if (others === 0) return trios;
  return input.groupSize === 2 ? `${otherGroups(input)} and ${trios}` : `${trios} and ${otherGroups(input)}`;
}

function sitOutLine(sittingOut: number): string {
  if (sittingOut === 0) return '';
  const who = sittingOut === 1 ? 'One person is' : `${sittingOut} people are`;
  return ` ${who} sitting this one out and will be first in line next time.`;
}

export function roundNoteCard(input: RoundNoteInput): Card {
  const people = countOf(input.people, 'person', 'people');
  const text =
    input.groups === 0
      ? `Round ${input.round}: with ${people}, there's nobody to match this time. Invite a colleague to type /coffee join!`
      : `Round ${input.round}: ${people}${input.trios > 0 && input.groups > input.trios ? ':' : ','} ${groupsPhrase(input)} this round.` +
        sitOutLine(input.sittingOut);
  return card(text, { type: 'paragraph', text });
}
