// The buttons and forms on a lesson's card: open it, move it on, edit, archive or restore it, see its history.
import { FORM_VALUE_FIELD } from '../../core/card';
import type { ServiceReply } from '../../core/command-service';
import type { Sql } from '../../store/db';
import { lessonEvents } from '../../store/lesson-events';
import { lessonInTenant } from '../../store/lesson-lifecycle';
import type { LessonsEvent, LessonsHandler } from '../lessons-handler';
import { archive, openEditor, restore, saveEdit } from './care';
import { showLesson, whisper, type LifeContext } from './context';
import { historyCard } from './history-card';
import { APPLIED_FORM, EDIT_FORM, LIFECYCLE_PREFIX, lifecycleVerbOf } from './lifecycle-ids';
import { approve, askEvidence, saveEvidence, validate } from './moves';
import { notFoundCard } from './notices';

async function history(ctx: LifeContext, lessonId: string | undefined): Promise<ServiceReply> {
  const lesson = lessonId === undefined ? undefined : await lessonInTenant(ctx.tx, ctx.tenant, lessonId);
  if (!lesson) return whisper(ctx, notFoundCard());
  return whisper(ctx, historyCard(lesson, await lessonEvents(ctx.tx, ctx.tenant, lesson.id)));
}

function onAction(ctx: LifeContext, action: string, lessonId: string | undefined): Promise<ServiceReply> {
  switch (lifecycleVerbOf(action)) {
    case 'open':
      return lessonId === undefined ? Promise.resolve(whisper(ctx, notFoundCard())) : showLesson(ctx, lessonId);
    case 'validate':
      return validate(ctx, lessonId);
    case 'approve':
      return approve(ctx, lessonId);
    case 'apply':
      return askEvidence(ctx, lessonId);
    case 'edit':
      return openEditor(ctx, lessonId);
    case 'archive':
      return archive(ctx, lessonId);
    case 'restore':
      return restore(ctx, lessonId);
    case 'history':
      return history(ctx, lessonId);
    case undefined:
      return Promise.resolve({ say: [] });
  }
}

export const lifecycleHandler: LessonsHandler = {
  prefix: LIFECYCLE_PREFIX,
  handle(tx: Sql, event: LessonsEvent, now: Date): Promise<ServiceReply> {
    const ctx: LifeContext = { tx, event, from: event.from, tenant: event.place.tenant, now };
    if (event.kind === 'action') return onAction(ctx, event.action, event.value);
    const lessonId = event.fields[FORM_VALUE_FIELD];
    if (event.form === APPLIED_FORM) return saveEvidence(ctx, lessonId, event.fields);
    if (event.form === EDIT_FORM) return saveEdit(ctx, lessonId, event.fields);
    return Promise.resolve({ say: [] });
  },
};
