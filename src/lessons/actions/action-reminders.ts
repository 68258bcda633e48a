// The due-date DM to each action's owner, as a scheduled step: once across replicas, caught up after downtime.
import type { ScheduledStep, ScheduleSource } from '../../scheduler/schedule-source';
import type { Sql } from '../../store/db';
import { dayOf } from '../../dates/day';
import { actionForReminder, dueActions, lessonForAction } from '../../store/lesson-actions';
import { enqueueOnce } from '../../store/outbox';
import { reminderCard } from './cards';
import { actionStream } from './ids';
import { readReminderJob, reminderJobName, REMINDER_JOB_PREFIX } from './reminder-job';

export function actionReminders(): ScheduleSource {
  return {
    name: 'actions',
    async due(q: Sql, now: Date): Promise<ScheduledStep[]> {
      const due = await dueActions(q, now, REMINDER_JOB_PREFIX);
      return due.map((a) => ({ job: reminderJobName(a.id, a.dueOn), slot: a.remindAt }));
    },
    async run(tx: Sql, step: ScheduledStep, now: Date): Promise<string[]> {
      const job = readReminderJob(step.job);
      if (!job) return [];
      const action = await actionForReminder(tx, job.actionId);
      // Answered or re-dated since it was listed: nothing to ask (a new date is its own job).
      if (action?.status !== 'open' || action.dueOn !== job.dueOn) return [];
      const lesson = action.lessonId === undefined ? undefined : await lessonForAction(tx, action.tenant, { id: action.lessonId });
      const stream = actionStream(action.id);
      const card = reminderCard({ id: action.id, text: action.text, dueOn: action.dueOn, lessonTitle: lesson?.title }, dayOf(now, action.timeZone));
      await enqueueOnce(tx, stream, [{ dedupeKey: `${stream}:remind:${action.dueOn}`, message: { kind: 'send', to: { person: action.owner }, card } }], now);
      return [stream];
    },
  };
}
