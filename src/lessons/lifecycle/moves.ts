// Moving a lesson on: validated by a colleague, approved by a community owner, applied with evidence.
import { refuseButton } from '../../core/button-value';
import type { ServiceReply } from '../../core/command-service';
import { lessonEvents, moveLesson, recordLessonEvent } from '../../store/lesson-events';
import { appliedForm, readEvidence } from './forms';
import { lessonToChange, showLesson, triggerOf, whisper, type LifeContext } from './context';
import { cannotApproveCard, needsFormCard, notNowNote, ownLessonApprovalCard, ownLessonCard, problemCard } from './notices';
import { approversOf, rightsOf } from './rights';

export async function validate(ctx: LifeContext, lessonId: string | undefined): Promise<ServiceReply> {
  const lesson = await lessonToChange(ctx, lessonId);
  if (!lesson) return refuseButton(ctx.from);
  const stale = notNowNote(lesson, 'validate', await lessonEvents(ctx.tx, ctx.tenant, lesson.id));
  if (stale !== undefined) return showLesson(ctx, lesson.id, stale);
  const rights = await rightsOf(ctx.tx, lesson, ctx.from);
  if (!rights.validate) return whisper(ctx, ownLessonCard(lesson));
  await moveLesson(ctx.tx, ctx.tenant, lesson.id, 'validated', ctx.from, {}, ctx.now);
  return showLesson(ctx, lesson.id, 'Thank you: you validated this lesson, so others can rely on it.');
}

export async function approve(ctx: LifeContext, lessonId: string | undefined): Promise<ServiceReply> {
  const lesson = await lessonToChange(ctx, lessonId);
  if (!lesson) return refuseButton(ctx.from);
  const stale = notNowNote(lesson, 'approve', await lessonEvents(ctx.tx, ctx.tenant, lesson.id));
  if (stale !== undefined) return showLesson(ctx, lesson.id, stale);
  const { approveAs, contributor } = await rightsOf(ctx.tx, lesson, ctx.from);
  if (!approveAs) {
    const approvers = await approversOf(ctx.tx, lesson);
    if (!contributor) return whisper(ctx, cannotApproveCard(lesson, approvers));
    // Another owner of the same community may approve it; the person asking is left out of the list.
    const others = approvers.map((c) => ({ ...c, owners: c.owners.filter((o) => o.id !== ctx.from.id) })).filter((c) => c.owners.length > 0);
    return whisper(ctx, ownLessonApprovalCard(lesson, others));
  }
  await moveLesson(ctx.tx, ctx.tenant, lesson.id, 'approved', ctx.from, { community: approveAs.id, communityName: approveAs.name }, ctx.now);
  return showLesson(ctx, lesson.id, `Approved for ${approveAs.name}: it is now part of the community's practice.`);
}

/** Opens the evidence form; anyone may report using a lesson that has been validated. */
export async function askEvidence(ctx: LifeContext, lessonId: string | undefined): Promise<ServiceReply> {
  const lesson = await lessonToChange(ctx, lessonId);
  if (!lesson) return refuseButton(ctx.from);
  const stale = notNowNote(lesson, 'apply', await lessonEvents(ctx.tx, ctx.tenant, lesson.id));
  if (stale !== undefined) return showLesson(ctx, lesson.id, stale);
  const trigger = triggerOf(ctx);
  if (trigger === undefined) return whisper(ctx, needsFormCard());
  return { say: [{ kind: 'form', to: ctx.from, trigger, form: appliedForm(lesson) }] };
}

export async function saveEvidence(ctx: LifeContext, lessonId: string | undefined, fields: Record<string, string>): Promise<ServiceReply> {
  const lesson = await lessonToChange(ctx, lessonId);
  if (!lesson) return refuseButton(ctx.from);
  const stale = notNowNote(lesson, 'apply', await lessonEvents(ctx.tx, ctx.tenant, lesson.id));
  if (stale !== undefined) return showLesson(ctx, lesson.id, stale);
  const evidence = readEvidence(fields);
  if (!evidence.ok) return whisper(ctx, problemCard(evidence.problem));
  const detail = { evidence: evidence.value };
  // A further use of an applied lesson is more evidence, not a move: its status stays.
  if (lesson.status === 'applied') await recordLessonEvent(ctx.tx, ctx.tenant, { lessonId: lesson.id, kind: 'applied', actor: ctx.from, detail, at: ctx.now });
  else await moveLesson(ctx.tx, ctx.tenant, lesson.id, 'applied', ctx.from, detail, ctx.now);
  return showLesson(ctx, lesson.id, 'Thank you: how you used this lesson is now part of its record.');
}
