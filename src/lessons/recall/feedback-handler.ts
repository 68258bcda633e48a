// Useful / Not relevant on a recalled lesson: checked against what the run was shown, then kept per person.
import { parseButtonValue, refuseButton } from '../../core/button-value';
import { card, type Card } from '../../core/card';
import type { ServiceReply } from '../../core/command-service';
import type { Person } from '../../core/model';
import { organisationOf } from '../../core/organisation';
import { recordFeedback, wasRecalled } from '../../store/lesson-recall';
import { contributedTo } from '../../store/lessons';
import type { LessonsHandler } from '../lessons-handler';
import { RECALL_ACTIONS, recallValueSchema } from './recall-buttons';

const note = (text: string): Card => card(text, { type: 'paragraph', text });

export const FEEDBACK_NOTES = {
  useful: note('Noted: useful. It will rank higher for the next team.'),
  notRelevant: note('Noted: not relevant. It will rank lower next time.'),
  ownLesson: note("You contributed to this lesson, so your vote isn't counted: how it ranks comes from the teams who use it."),
};

const whisper = (to: Person, c: Card): ServiceReply => ({ say: [{ kind: 'whisper', to, card: c }] });

export const feedbackHandler: LessonsHandler = {
  prefix: 'lessons:recall:',
  async handle(tx, event, now): Promise<ServiceReply> {
    if (event.kind !== 'action') return { say: [] };
    const useful = event.action === RECALL_ACTIONS.useful ? true : event.action === RECALL_ACTIONS.notRelevant ? false : undefined;
    if (useful === undefined) return refuseButton(event.from);
    const read = parseButtonValue(recallValueSchema, event.value, event.from);
    if (!read.ok) return read.refusal;
    const ref = read.value;
    // A button copied from another organisation names lessons this one never saw.
    const tenant = organisationOf(event);
    if (!(await wasRecalled(tx, ref.runId, ref.lessonId, tenant))) return refuseButton(event.from);
    if (await contributedTo(tx, tenant, ref.lessonId, event.from)) return whisper(event.from, FEEDBACK_NOTES.ownLesson);
    await recordFeedback(tx, { ...ref, personId: event.from.id, tenant, useful, at: now });
    return whisper(event.from, useful ? FEEDBACK_NOTES.useful : FEEDBACK_NOTES.notRelevant);
  },
};
