// STUB (replaced by the actions work): the due-date DM to each action's owner, as a scheduled step.
import type { ScheduleSource } from '../../scheduler/schedule-source';

export function actionReminders(): ScheduleSource {
  return { name: 'actions', due: () => Promise.resolve([]), run: () => Promise.resolve([]) };
}
