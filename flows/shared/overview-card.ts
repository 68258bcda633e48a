// The parent message in the channel for any review: its title, facilitator and the questions to come.
import { card, type Card } from '../../src/core/card';
import { mention, type Person } from '../../src/core/model';

/** The status line while the questions are open, the same for every review. */
export const RUNNING_LINE =
  'Reply in the thread below. Please leave out anything that could identify a patient, such as an NHS number.';

/** `review` is the review's name, e.g. 'After Action Review'; `status` is its own line for where it has got to. */
export function reviewOverviewCard(
  review: string,
  title: string,
  facilitator: Person,
  prompts: readonly string[],
  status: string,
): Card {
  const questions = prompts.map((prompt, i) => `${i + 1}. ${prompt}`).join('\n');
  return card(
    `${review}: ${title}`,
    { type: 'heading', text: `${review}: ${title}` },
    { type: 'paragraph', text: `Facilitated by ${mention(facilitator)}` },
    { type: 'paragraph', text: `We'll go through four questions, one at a time:\n${questions}` },
    { type: 'context', text: status },
  );
}
