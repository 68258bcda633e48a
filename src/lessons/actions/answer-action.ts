// The owner's answers to a reminder: Done (with a line of evidence), Not yet (a new date), No longer needed.
import { refuseButton } from '../../core/button-value';
import type { ServiceReply } from '../../core/command-service';
import { samePerson } from '../../core/model';
import { dayOf, readDay, remindAt } from '../../dates/day';
import { actionById, closeAction, lessonForAction, redateAction, type LessonAction } from '../../store/lesson-actions';
import { moveLesson } from '../../store/lesson-events';
import { whisper, type ActionContext } from './context';
import { checkEvidence } from './form-checks';
import { evidenceForm, redateForm } from './forms';
import { ACTION_FIELDS } from './ids';
import { actionNotices } from './notices';

/** The action, locked, if the person answering may still answer it; otherwise the reply saying why not. */
async function answerable(ctx: ActionContext, id: string | undefined): Promise<LessonAction | ServiceReply> {
  const action = id === undefined ? undefined : await actionById(ctx.tx, ctx.tenant, id, true);
  // Actions are never deleted, so one not found here is another organisation's or was never made.
  if (!action) return refuseButton(ctx.event.from);
  if (!samePerson(action.owner, ctx.event.from)) return whisper(ctx, actionNotices.notOwner(action.owner));
  if (action.status !== 'open') {
    return whisper(ctx, actionNotices.alreadyClosed(action.status, action.closedAt && dayOf(action.closedAt, action.timeZone)));
  }
  return action;
}

const isAction = (found: LessonAction | ServiceReply): found is LessonAction => 'owner' in found;

/** Done and Not yet ask a question first, in a form. */
export async function openAnswerForm(ctx: ActionContext, verb: 'done' | 'later', id: string | undefined, trigger: string | undefined): Promise<ServiceReply> {
  const found = await answerable(ctx, id);
  if (!isAction(found)) return found;
  if (trigger === undefined) return whisper(ctx, actionNotices.needsForm());
  const form = verb === 'done' ? evidenceForm(found.id) : redateForm(found.id);
  return { say: [{ kind: 'form', to: ctx.event.from, trigger, form }] };
}

export async function dropAction(ctx: ActionContext, id: string | undefined): Promise<ServiceReply> {
  const found = await answerable(ctx, id);
  if (!isAction(found)) return found;
  await closeAction(ctx.tx, ctx.tenant, found.id, { status: 'dropped' }, ctx.now);
  return whisper(ctx, actionNotices.dropped());
}

/** Done: the evidence is kept with the action, and the lesson it came from counts as applied. */
export async function saveEvidence(ctx: ActionContext, actionId: string, fields: Record<string, string>): Promise<ServiceReply> {
  const found = await answerable(ctx, actionId);
  if (!isAction(found)) return found;
  const [problem] = checkEvidence(fields, ctx.now);
  if (problem !== undefined) return whisper(ctx, actionNotices.evidenceProblem(problem.message));
  const evidence = (fields[ACTION_FIELDS.evidence] ?? '').trim();

  await closeAction(ctx.tx, ctx.tenant, found.id, { status: 'done', evidence }, ctx.now);
  const lesson = found.lessonId === undefined ? undefined : await lessonForAction(ctx.tx, ctx.tenant, { id: found.lessonId });
  // An archived lesson stays as it was archived; the evidence is still kept with the action.
  if (!lesson || lesson.archived) return whisper(ctx, actionNotices.done(undefined));
  if (lesson.status === 'applied') return whisper(ctx, actionNotices.done({ title: lesson.title, applied: 'already' }));
  await moveLesson(ctx.tx, ctx.tenant, lesson.id, 'applied', ctx.event.from, { evidence, action: found.id }, ctx.now);
  return whisper(ctx, actionNotices.done({ title: lesson.title, applied: 'now' }));
}

/** Not yet: a later day, so the reminder comes again then. */
export async function saveNewDate(ctx: ActionContext, actionId: string, fields: Record<string, string>): Promise<ServiceReply> {
  const found = await answerable(ctx, actionId);
  if (!isAction(found)) return found;
  const due = readDay(fields[ACTION_FIELDS.due] ?? '', ctx.now, found.timeZone, { todayAllowed: false });
  if (!due.ok) return whisper(ctx, actionNotices.dateProblem(due.problem));
  await redateAction(ctx.tx, ctx.tenant, found.id, { dueOn: due.day, remindAt: remindAt(due.day, found.timeZone) }, ctx.now);
  return whisper(ctx, actionNotices.redated(due.day));
}
