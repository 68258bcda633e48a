// /bar <what we are about to do>: opens the review with an overview in the channel and question 1 in its thread.
import type { Card } from '../../src/core/card';
import type { StartInput, Step } from '../../src/core/flow';
import { guardText } from '../../src/privacy';
import { KEYS } from './ids';
import { overviewCard } from './overview-card';
import { openQuestionCard } from './question-card';
import { askForTitleCard, helpCard, titleHasIdentifierCard } from './start-messages';
import type { BarState } from './state';
import { personOf } from './steps';

function notStarted(input: StartInput, body: Card): Step<BarState | null> {
  return { state: null, done: true, say: [{ kind: 'whisper', to: input.from, card: body }] };
}

export function startReview(input: StartInput): Step<BarState | null> {
  const title = input.text.replace(/\s+/g, ' ').trim();
  if (title === '') return notStarted(input, askForTitleCard());
  if (/^(help|\?)$/i.test(title)) return notStarted(input, helpCard());
  const { findings } = guardText(title);
  if (findings.length > 0) return notStarted(input, titleHasIdentifierCard(findings));

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
