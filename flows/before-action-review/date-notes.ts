// Tells the author of an action whose date can't be used (31 February, yesterday) while there's still time to fix it.
import type { Outgoing } from '../../src/core/flow';
import { dueDateOf } from './due-dates';
import { ACTION_QUESTION } from './questions';
import type { Answer } from './state';
import { dateFixedCard, dateUnusableCard } from './whispers';

/** Whispers for a new answer, or for an edited one given what it said `before`; the answer itself is never changed. */
export function dateNotes(answer: Answer, now: Date, before?: Answer): Outgoing[] {
  if (answer.question !== ACTION_QUESTION || answer.flagged || before?.text === answer.text) return [];
  const due = dueDateOf(answer.text, now);
  if (due.unusable) return [{ kind: 'whisper', to: answer.author, card: dateUnusableCard(answer.text, due.unusable) }];
  const wasUnusable = before !== undefined && !before.flagged && dueDateOf(before.text, now).unusable !== undefined;
  if (!wasUnusable) return [];
  return [{ kind: 'whisper', to: answer.author, card: dateFixedCard(due.named ? due.day : undefined) }];
}
