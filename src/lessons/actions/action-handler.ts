// Adding an action to a lesson, and the owner's answers to its reminder: routes each button and form.
import { z } from 'zod';
import { KEY_MAX, parseButtonValue, refuseButton, valueParts } from '../../core/button-value';
import { FORM_VALUE_FIELD } from '../../core/card';
import type { ServiceReply } from '../../core/command-service';
import { organisationOf } from '../../core/organisation';
import { ACTION_FORM_CHECKS } from './form-checks';
import type { Sql } from '../../store/db';
import type { LessonsEvent, LessonsHandler } from '../lessons-handler';
import { openAddAction, saveNewAction } from './add-action';
import { dropAction, openAnswerForm, saveEvidence, saveNewDate } from './answer-action';
import type { ActionContext } from './context';
import { ACTION_BUTTONS, ACTION_FORMS, DRAFT_PREFIX } from './ids';

/** "Add action" names a saved lesson by id, or one of an AAR summary by its proposal key. */
const lessonValue = z.union([valueParts.id, z.string().startsWith(DRAFT_PREFIX).min(DRAFT_PREFIX.length + 1).max(DRAFT_PREFIX.length + KEY_MAX)]);

async function onButton(ctx: ActionContext, event: Extract<LessonsEvent, { kind: 'action' }>): Promise<ServiceReply> {
  if (event.action === ACTION_BUTTONS.add) {
    const lesson = parseButtonValue(lessonValue, event.value, event.from);
    return lesson.ok ? openAddAction(ctx, lesson.value, event.trigger) : lesson.refusal;
  }
  // Every other button carries the action's id.
  const action = parseButtonValue(valueParts.id, event.value, event.from);
  if (!action.ok) return action.refusal;
  switch (event.action) {
    case ACTION_BUTTONS.done:
      return openAnswerForm(ctx, 'done', action.value, event.trigger);
    case ACTION_BUTTONS.later:
      return openAnswerForm(ctx, 'later', action.value, event.trigger);
    case ACTION_BUTTONS.drop:
      return dropAction(ctx, action.value);
    default:
      return refuseButton(event.from);
  }
}

async function onForm(ctx: ActionContext, event: Extract<LessonsEvent, { kind: 'form' }>): Promise<ServiceReply> {
  // Each form carries a lesson's id (add) or an action's (done, later).
  const id = parseButtonValue(valueParts.id, event.fields[FORM_VALUE_FIELD], event.from);
  if (!id.ok) return id.refusal;
  switch (event.form) {
    case ACTION_FORMS.add:
      return saveNewAction(ctx, id.value, event.fields);
    case ACTION_FORMS.done:
      return saveEvidence(ctx, id.value, event.fields);
    case ACTION_FORMS.later:
      return saveNewDate(ctx, id.value, event.fields);
    default:
      return { say: [] };
  }
}

export const actionHandler: LessonsHandler = {
  prefix: 'lessons:action:',
  formChecks: ACTION_FORM_CHECKS,
  handle(tx: Sql, event: LessonsEvent, now: Date): Promise<ServiceReply> {
    // Everything about an action stays inside the organisation it was pressed in.
    const ctx: ActionContext = { tx, event, tenant: organisationOf(event), now };
    return event.kind === 'action' ? onButton(ctx, event) : onForm(ctx, event);
  },
};
