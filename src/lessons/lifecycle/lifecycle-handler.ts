// The buttons and forms on a lesson's card: open it, move it on, edit, archive or restore it, see its history.
import { parseButtonValue, refuseButton, valueParts } from '../../core/button-value';
import { FORM_VALUE_FIELD } from '../../core/card';
import type { ServiceReply } from '../../core/command-service';
import { organisationOf } from '../../core/organisation';
import { checkApplied, checkEdit } from './forms';
import type { Sql } from '../../store/db';
import { lessonEvents } from '../../store/lesson-events';
import { lessonInTenant } from '../../store/lesson-lifecycle';
import type { LessonsEvent, LessonsHandler } from '../lessons-handler';
import { archive, openEditor, restore, saveEdit } from './care';
import { showLesson, whisper, type LifeContext } from './context';
import { historyCard } from './history-card';
import { APPLIED_FORM, EDIT_FORM, LIFECYCLE_PREFIX, lifecycleVerbOf } from './lifecycle-ids';
import { approve, askEvidence, saveEvidence, validate } from './moves';

async function history(ctx: LifeContext, lessonId: string): Promise<ServiceReply> {
  const lesson = await lessonInTenant(ctx.tx, ctx.tenant, lessonId);
  if (!lesson) return refuseButton(ctx.from);
  return whisper(ctx, historyCard(lesson, await lessonEvents(ctx.tx, ctx.tenant, lesson.id)));
}

function onAction(ctx: LifeContext, action: string, lessonId: string): Promise<ServiceReply> {
  switch (lifecycleVerbOf(action)) {
    case 'open':
      return showLesson(ctx, lessonId);
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
  formChecks: { [APPLIED_FORM]: checkApplied, [EDIT_FORM]: checkEdit },
  handle(tx: Sql, event: LessonsEvent, now: Date): Promise<ServiceReply> {
    const ctx: LifeContext = { tx, event, from: event.from, tenant: organisationOf(event), now };
    // Every button and form of a lesson's card carries the lesson's id.
    const read = parseButtonValue(valueParts.id, event.kind === 'action' ? event.value : event.fields[FORM_VALUE_FIELD], event.from);
    if (!read.ok) return Promise.resolve(read.refusal);
    const lessonId = read.value;
    if (event.kind === 'action') return onAction(ctx, event.action, lessonId);
    if (event.form === APPLIED_FORM) return saveEvidence(ctx, lessonId, event.fields);
    if (event.form === EDIT_FORM) return saveEdit(ctx, lessonId, event.fields);
    return Promise.resolve({ say: [] });
  },
};
