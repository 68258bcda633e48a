// Adding an action to a lesson, and the owner's answers to its reminder: routes each button and form.
import type { ServiceReply } from '../../core/command-service';
import type { Sql } from '../../store/db';
import type { LessonsEvent, LessonsHandler } from '../lessons-handler';
import { openAddAction, saveNewAction } from './add-action';
import { dropAction, openAnswerForm, saveEvidence, saveNewDate } from './answer-action';
import type { ActionContext } from './context';
import { ACTION_BUTTONS, ACTION_FORMS } from './ids';

async function onButton(ctx: ActionContext, event: Extract<LessonsEvent, { kind: 'action' }>): Promise<ServiceReply> {
  switch (event.action) {
    case ACTION_BUTTONS.add:
      return openAddAction(ctx, event.value, event.trigger);
    case ACTION_BUTTONS.done:
      return openAnswerForm(ctx, 'done', event.value, event.trigger);
    case ACTION_BUTTONS.later:
      return openAnswerForm(ctx, 'later', event.value, event.trigger);
    case ACTION_BUTTONS.drop:
      return dropAction(ctx, event.value);
    default:
      return { say: [] };
  }
}

async function onForm(ctx: ActionContext, event: Extract<LessonsEvent, { kind: 'form' }>): Promise<ServiceReply> {
  switch (event.form) {
    case ACTION_FORMS.add:
      return saveNewAction(ctx, event.fields);
    case ACTION_FORMS.done:
      return saveEvidence(ctx, event.fields);
    case ACTION_FORMS.later:
      return saveNewDate(ctx, event.fields);
    default:
      return { say: [] };
  }
}

export const actionHandler: LessonsHandler = {
  prefix: 'lessons:action:',
  handle(tx: Sql, event: LessonsEvent, now: Date): Promise<ServiceReply> {
    // Everything about an action stays inside the organisation it was pressed in.
    const ctx: ActionContext = { tx, event, tenant: event.place.tenant, now };
    return event.kind === 'action' ? onButton(ctx, event) : onForm(ctx, event);
  },
};
