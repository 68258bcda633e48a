// Names of reminder jobs: one per action and due date, so a new date is a new job and is asked again.

export const REMINDER_JOB_PREFIX = 'action:';

export function reminderJobName(actionId: string, dueOn: string): string {
  return `${REMINDER_JOB_PREFIX}${actionId}:${dueOn}`;
}

export function readReminderJob(job: string): { actionId: string; dueOn: string } | undefined {
  const found = /^action:([0-9a-f-]{36}):(\d{4}-\d{2}-\d{2})$/i.exec(job);
  return found?.[1] !== undefined && found[2] !== undefined ? { actionId: found[1], dueOn: found[2] } : undefined;
}
