// Rounds as scheduled steps: which are due for each programme, and running one.
import type { ScheduledStep, ScheduleSource } from '../../scheduler/schedule-source';
import type { Sql } from '../../store/db';
import { holidayRegionOf } from '../../store/organisations';
import { activeProgrammes, programmeById, type Programme } from '../../store/coffee/programmes';
import { roundsFrom } from '../../store/coffee/rounds';
import { latestRoundStarted, roundStart, roundSteps } from '../schedule';
import { programmeStream } from '../service/context';
import { readRoundJob, roundJobName } from './round-job';
import { runMatch } from './match-step';
import { runFeedback, runReminder, runSummary } from './follow-up-steps';

/** `random` makes each live round's seed; tests pass a fixed one. */
export function coffeeSchedule(random: () => number): ScheduleSource {
  return {
    name: 'coffee',
    async due(q: Sql, now: Date): Promise<ScheduledStep[]> {
      const steps: ScheduledStep[] = [];
      for (const programme of await activeProgrammes(q)) steps.push(...(await dueFor(q, programme, now)));
      return steps;
    },
    async run(tx: Sql, step: ScheduledStep, now: Date): Promise<string[]> {
      const job = readRoundJob(step.job);
      if (!job) return [];
      // Locked, so a setup change and a round step never interleave.
      const programme = await programmeById(tx, job.programmeId, true);
      if (programme?.status !== 'active') return [];
      const wrote =
        job.step === 'match'
          ? await runMatch(tx, programme, job.round, step.slot, now, random)
          : job.step === 'reminder'
            ? await runReminder(tx, programme, job.round, now)
            : job.step === 'feedback'
              ? await runFeedback(tx, programme, job.round, now)
              : await runSummary(tx, programme, job.round, now);
      return wrote ? [programmeStream(programme.id)] : [];
    },
  };
}

/**
 * The latest round's match, and the later steps of the rounds already matched that are still current.
 * After downtime only the newest missed start is matched (a burst of stale rounds helps nobody), and a
 * reminder whose feedback time has also passed is skipped.
 */
async function dueFor(q: Sql, programme: Programme, now: Date): Promise<ScheduledStep[]> {
  const { settings, anchor, id } = programme;
  const latest = latestRoundStarted(anchor, settings, now);
  const steps: ScheduledStep[] = [];
  if (latest !== undefined) {
    steps.push({ job: roundJobName({ programmeId: id, round: latest, step: 'match' }), slot: roundStart(anchor, settings, latest) });
  }
  const rounds = await roundsFrom(q, id, (latest ?? anchor.round) - 1);
  const region = rounds.length > 0 ? await holidayRegionOf(q, programme.tenant) : undefined;
  for (const round of rounds) {
    const passed = roundSteps(settings, round.startsAt, region).filter((s) => s.step !== 'match' && s.at <= now);
    const feedbackPassed = passed.some((s) => s.step === 'feedback');
    for (const s of passed) {
      if (s.step === 'reminder' && feedbackPassed) continue;
      steps.push({ job: roundJobName({ programmeId: id, round: round.round, step: s.step }), slot: s.at });
    }
  }
  return steps;
}
