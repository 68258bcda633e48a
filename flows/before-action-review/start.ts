// /bar <what we are about to do>: opens the review with an overview in the channel and question 1 in its thread.
import type { StartInput, Step } from '../../src/core/flow';
import { personOf } from '../shared/person';
import { checkTitle, notStarted } from '../shared/start-title';
import { KEYS } from './ids';
import { overviewCard } from './overview-card';
import { openQuestionCard } from './question-card';
import { askForTitleCard, titleHasIdentifierCard } from './start-messages';
import type { BarState } from './state';

const TITLE_REPLIES = { askForTitle: askForTitleCard, hasIdentifier: titleHasIdentifierCard };

export function startReview(input: StartInput): Step<BarState | null> {
  const checked = checkTitle(input.text, TITLE_REPLIES);
  if (!checked.ok) return notStarted(input, checked.reply);

  const { title } = checked;
  const facilitator = personOf(input.from);
  const state: BarState = { title, facilitator, phase: 'asking', question: 0, answers: [] };
  return {
    state,
    say: [
      { kind: 'post', in: 'channel', anchor: true, key: KEYS.overview, card: overviewCard(title, facilitator, { kind: 'running' }) },
      { kind: 'post', in: 'thread', key: KEYS.question(0), card: openQuestionCard(0) },
    ],
  };
}
