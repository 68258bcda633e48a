// Posted in the channel a few days after the feedback request: how many groups met.
import { card, type Card } from '../../core/card';
import { countOf } from './wording';

export interface SummaryInput {
  round: number;
  groups: number;
  /** Groups where at least one person said they met. */
  met: number;
  /** People who answered "Did you meet?". */
  answered: number;
  /** People matched in the round. */
  people: number;
  /** Names the groups 'pairs' (the default) or 'trios'. */
  groupSize?: 2 | 3;
}

function groupNoun(groupSize: 2 | 3 | undefined): [string, string] {
  return groupSize === 3 ? ['trio', 'trios'] : ['pair', 'pairs'];
}

export function summaryCard(input: SummaryInput): Card {
  const [one, many] = groupNoun(input.groupSize);
  if (input.answered === 0) {
    const text =
      `Round ${input.round} is over. Nobody told me whether they met, so I can't say how it went, ` +
      'but I hope the conversations were good ones. The next round will bring new matches.';
    return card(text, { type: 'paragraph', text });
  }
  const headline =
    input.met === 0
      ? `Round ${input.round} is over: none of the ${countOf(input.groups, one, many)} said they met this time.`
      : `Round ${input.round} is over: ${input.met} of ${countOf(input.groups, one, many)} met.`;
  const thanks = `Thank you to everyone who took part, and to the ${input.answered} of ${input.people} people who told me how it went.`;
  return card(`${headline} ${thanks}`, { type: 'paragraph', text: headline }, { type: 'context', text: thanks });
}
