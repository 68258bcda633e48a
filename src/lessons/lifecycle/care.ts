// Looking after a lesson: editing it (history kept), archiving it and restoring it. Nothing is ever deleted.
import { refuseButton } from '../../core/button-value';
import type { ServiceReply } from '../../core/command-service';
import { recordLessonEvent } from '../../store/lesson-events';
import { setLessonArchived, updateLessonText } from '../../store/lesson-lifecycle';
import type { Lesson } from '../lesson';
import { lessonToChange, showLesson, triggerOf, whisper, type LifeContext } from './context';
import { editDiff, editForm, readEdit } from './forms';
import { cannotLookAfterCard, needsFormCard, problemCard } from './notices';
import { approversOf, rightsOf } from './rights';

const ARCHIVED_NOTE = 'Nothing changed: this lesson is archived. Restore it first if it still holds.';

/** The refusal for someone who may not look after this lesson, or undefined when they may. */
async function refusal(ctx: LifeContext, lesson: Lesson, verb: 'edit' | 'archive' | 'restore'): Promise<ServiceReply | undefined> {
  const rights = await rightsOf(ctx.tx, lesson, ctx.from);
  return rights.lookAfter ? undefined : whisper(ctx, cannotLookAfterCard(lesson, verb, await approversOf(ctx.tx, lesson)));
}

export async function openEditor(ctx: LifeContext, lessonId: string | undefined): Promise<ServiceReply> {
  const lesson = await lessonToChange(ctx, lessonId);
  if (!lesson) return refuseButton(ctx.from);
  if (lesson.archivedAt !== undefined) return showLesson(ctx, lesson.id, ARCHIVED_NOTE);
  const refused = await refusal(ctx, lesson, 'edit');
  if (refused) return refused;
  const trigger = triggerOf(ctx);
  if (trigger === undefined) return whisper(ctx, needsFormCard());
  return { say: [{ kind: 'form', to: ctx.from, trigger, form: editForm(lesson) }] };
}

export async function saveEdit(ctx: LifeContext, lessonId: string | undefined, fields: Record<string, string>): Promise<ServiceReply> {
  const lesson = await lessonToChange(ctx, lessonId);
  if (!lesson) return refuseButton(ctx.from);
  if (lesson.archivedAt !== undefined) return showLesson(ctx, lesson.id, ARCHIVED_NOTE);
  const refused = await refusal(ctx, lesson, 'edit');
  if (refused) return refused;
  const read = readEdit(fields);
  if (!read.ok) return whisper(ctx, problemCard(read.problem));
  const { before, after } = editDiff(lesson, read.value);
  if (Object.keys(before).length === 0) return showLesson(ctx, lesson.id, 'Nothing changed: the lesson already says exactly that.');
  await updateLessonText(ctx.tx, ctx.tenant, lesson.id, read.value);
  await recordLessonEvent(ctx.tx, ctx.tenant, { lessonId: lesson.id, kind: 'edited', actor: ctx.from, detail: { before, after }, at: ctx.now });
  return showLesson(ctx, lesson.id, 'Saved your changes. The earlier wording is kept in its history.');
}

export async function archive(ctx: LifeContext, lessonId: string | undefined): Promise<ServiceReply> {
  const lesson = await lessonToChange(ctx, lessonId);
  if (!lesson) return refuseButton(ctx.from);
  if (lesson.archivedAt !== undefined) return showLesson(ctx, lesson.id, 'Nothing changed: this lesson is already archived.');
  const refused = await refusal(ctx, lesson, 'archive');
  if (refused) return refused;
  await setLessonArchived(ctx.tx, ctx.tenant, lesson.id, ctx.now);
  await recordLessonEvent(ctx.tx, ctx.tenant, { lessonId: lesson.id, kind: 'archived', actor: ctx.from, detail: {}, at: ctx.now });
  return showLesson(ctx, lesson.id, 'Archived: the lesson is kept, but searches and digests leave it out. Restore brings it back.');
}

export async function restore(ctx: LifeContext, lessonId: string | undefined): Promise<ServiceReply> {
  const lesson = await lessonToChange(ctx, lessonId);
  if (!lesson) return refuseButton(ctx.from);
  if (lesson.archivedAt === undefined) return showLesson(ctx, lesson.id, "Nothing changed: this lesson isn't archived.");
  const refused = await refusal(ctx, lesson, 'restore');
  if (refused) return refused;
  await setLessonArchived(ctx.tx, ctx.tenant, lesson.id, null);
  await recordLessonEvent(ctx.tx, ctx.tenant, { lessonId: lesson.id, kind: 'restored', actor: ctx.from, detail: {}, at: ctx.now });
  return showLesson(ctx, lesson.id, 'Restored: the lesson is back in searches and digests.');
}
