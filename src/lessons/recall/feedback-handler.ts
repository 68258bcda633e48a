// Useful / Not relevant on a recalled lesson: checked against what the run was shown, then kept per person.
import { card, type Card } from '../../core/card';
import type { ServiceReply } from '../../core/command-service';
import type { Person } from '../../core/model';
import { recordFeedback, wasRecalled } from '../../store/lesson-recall';
import type { LessonsHandler } from '../lessons-handler';
import { RECALL_ACTIONS, readRecallButtonValue } from './recall-buttons';

const note = (text: string): Card => card(text, { type: 'paragraph', text });

export const FEEDBACK_NOTES = {
  useful: note('Noted: useful. It will rank higher for the next team.'),
  notRelevant: note('Noted: not relevant. It will rank lower next time.'),
  unreadable: note('That button is from a message I can no longer read. Please use the buttons on the newest list of lessons.'),
  notRecalled: note('That lesson was not among those recalled for this review, so I have not noted anything.'),
};

const whisper = (to: Person, c: Card): ServiceReply => ({ say: [{ kind: 'whisper', to, card: c }] });

export const feedbackHandler: LessonsHandler = {
  prefix: 'lessons:recall:',
  async handle(tx, event, now): Promise<ServiceReply> {
    if (event.kind !== 'action') return { say: [] };
    const useful = event.action === RECALL_ACTIONS.useful ? true : event.action === RECALL_ACTIONS.notRelevant ? false : undefined;
    const ref = readRecallButtonValue(event.value);
    if (useful === undefined || ref === undefined) return whisper(event.from, FEEDBACK_NOTES.unreadable);
    // The organisation is the place's: a button copied from another workspace names lessons this one never saw.
    const tenant = event.place.tenant;
    if (!(await wasRecalled(tx, ref.runId, ref.lessonId, tenant))) return whisper(event.from, FEEDBACK_NOTES.notRecalled);
    await recordFeedback(tx, { ...ref, personId: event.from.id, tenant, useful, at: now });
    return whisper(event.from, useful ? FEEDBACK_NOTES.useful : FEEDBACK_NOTES.notRelevant);
  },
};
