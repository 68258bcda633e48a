// "Add action" on a lesson (or on a lesson of an AAR summary): a form, then a stored action with an owner and a date.
import { refuseButton } from '../../core/button-value';
import type { ServiceReply } from '../../core/command-service';
import { placeKey, samePerson } from '../../core/model';
import { readDay, remindAt } from '../../dates/day';
import { problemsInWords } from '../../core/form-check';
import { enqueueOnce } from '../../store/outbox';
import { insertAction, lessonForAction, type ActionLesson } from '../../store/lesson-actions';
import { latestRun } from '../../store/runs';
import { assignedCard } from './cards';
import { personById, whisper, type ActionContext } from './context';
import { addActionForm } from './forms';
import { checkNewAction } from './form-checks';
import { ACTION_FIELDS, ACTION_TIME_ZONE, actionStream, DRAFT_PREFIX } from './ids';
import { actionNotices } from './notices';

/** The lesson a button names: its id, or `draft:<key>` of the review whose thread the button is in. */
async function lessonNamed(ctx: ActionContext, value: string | undefined): Promise<ActionLesson | undefined> {
  if (value === undefined) return undefined;
  if (!value.startsWith(DRAFT_PREFIX)) return lessonForAction(ctx.tx, ctx.tenant, { id: value });
  const run = await latestRun(ctx.tx, placeKey(ctx.event.place));
  if (run?.tenant !== ctx.tenant) return undefined;
  return lessonForAction(ctx.tx, ctx.tenant, { runId: run.id, draftKey: value.slice(DRAFT_PREFIX.length) });
}

export async function openAddAction(ctx: ActionContext, value: string | undefined, trigger: string | undefined): Promise<ServiceReply> {
  const lesson = await lessonNamed(ctx, value);
  if (!lesson) return value?.startsWith(DRAFT_PREFIX) ? whisper(ctx, actionNotices.lessonGone()) : refuseButton(ctx.event.from);
  if (lesson.archived) return whisper(ctx, actionNotices.lessonArchived());
  if (trigger === undefined) return whisper(ctx, actionNotices.needsForm());
  const from = ctx.event.from;
  return { say: [{ kind: 'form', to: from, trigger, form: addActionForm(lesson.id, lesson.recommendation, from.id) }] };
}

/** Every problem with the answers at once, so one more try is enough. */
function readAnswers(ctx: ActionContext, fields: Record<string, string>): { text: string; ownerId: string; dueOn: string } | { problems: string[] } {
  const problems = checkNewAction(fields, ctx.now);
  const due = readDay(fields[ACTION_FIELDS.due] ?? '', ctx.now, ACTION_TIME_ZONE, { todayAllowed: true });
  if (problems.length > 0 || !due.ok) return { problems: problemsInWords(problems, { [ACTION_FIELDS.due]: 'The due date' }) };
  const ownerId = (fields[ACTION_FIELDS.owner] ?? '').trim() || ctx.event.from.id;
  return { text: (fields[ACTION_FIELDS.text] ?? '').trim(), ownerId, dueOn: due.day };
}

export async function saveNewAction(ctx: ActionContext, lessonId: string, fields: Record<string, string>): Promise<ServiceReply> {
  const lesson = await lessonForAction(ctx.tx, ctx.tenant, { id: lessonId });
  // Lessons are never deleted, so an id not found here is another organisation's or was never made.
  if (!lesson) return refuseButton(ctx.event.from);
  if (lesson.archived) return whisper(ctx, actionNotices.lessonArchived());
  const answers = readAnswers(ctx, fields);
  if ('problems' in answers) return whisper(ctx, actionNotices.notSaved(answers.problems));

  const from = ctx.event.from;
  const owner = personById(ctx, answers.ownerId);
  const action = { tenant: ctx.tenant, lessonId: lesson.id, place: ctx.event.place, text: answers.text, owner, dueOn: answers.dueOn };
  const id = await insertAction(ctx.tx, { ...action, remindAt: remindAt(answers.dueOn, ACTION_TIME_ZONE), timeZone: ACTION_TIME_ZONE, createdBy: from }, ctx.now);
  const mine = samePerson(owner, from);
  const saved = whisper(ctx, actionNotices.saved(answers.text, owner, answers.dueOn, mine));
  if (mine) return saved;
  // Someone else's action: they hear it from the bot, once, however often this is retried.
  const stream = actionStream(id);
  const card = assignedCard({ id, text: answers.text, dueOn: answers.dueOn, lessonTitle: lesson.title }, from);
  await enqueueOnce(ctx.tx, stream, [{ dedupeKey: `${stream}:assigned`, message: { kind: 'send', to: { person: owner }, card } }], ctx.now);
  return { ...saved, streams: [stream] };
}
