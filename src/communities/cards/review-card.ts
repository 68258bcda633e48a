// The framework's reviewing questions, asked of the owner after eight quiet weeks.
import { card, type Card } from '../../core/card';
import { REVIEW_ACTIONS } from '../ids';
import { tagsInWords } from './wording';

export function reviewCard(input: { id: string; name: string; tags: string[]; channel: string; weeks: number }): Card {
  const quiet =
    `${input.name} (<#${input.channel}>) has been quiet for ${input.weeks} weeks: no new lessons, approvals, actions done or feedback in ${tagsInWords(input.tags)}.`;
  const ask =
    'Communities change, so it is worth a moment to look at it again. Is it still relevant? Should it evolve, with a new domain or new people? ' +
    'Or has it done its job, so we close it and keep what it learned in the library?';
  return card(
    `${quiet} ${ask}`,
    { type: 'heading', text: `Time to review ${input.name}?` },
    { type: 'paragraph', text: quiet },
    { type: 'paragraph', text: ask },
    {
      type: 'buttons',
      buttons: [
        { action: REVIEW_ACTIONS.keep, label: 'Still relevant', value: input.id, style: 'primary' },
        { action: REVIEW_ACTIONS.evolve, label: 'Evolve it', value: input.id },
        { action: REVIEW_ACTIONS.archive, label: 'Close and archive', value: input.id, style: 'danger' },
      ],
    },
  );
}
