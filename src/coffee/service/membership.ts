// Join, leave, pause, resume, team and status: what members do for themselves.
import type { ServiceReply } from '../../core/command-service';
import {
  alreadyInCard,
  joinedCard,
  leftCard,
  notMemberCard,
  notPausedCard,
  pausedCard,
  programmeStoppedCard,
  resumedCard,
  statusCard,
  teamClearedCard,
  teamSetCard,
} from '../cards';
import type { Programme } from '../../store/coffee/programmes';
import { joinProgramme, leaveProgramme, memberCounts, memberOf, pauseMember, setTeam } from '../../store/coffee/members';
import { nextRoundStart, whisper, type CoffeeContext } from './context';

export async function join(ctx: CoffeeContext, programme: Programme): Promise<ServiceReply> {
  if (programme.status === 'stopped') return whisper(ctx, programmeStoppedCard(programme.organiser));
  const member = await memberOf(ctx.tx, programme.id, ctx.from.id);
  if (member?.status === 'active' && !isPaused(member.pausedUntil, ctx.now)) return whisper(ctx, alreadyInCard());
  await joinProgramme(ctx.tx, programme.id, ctx.from, ctx.now);
  return whisper(ctx, joinedCard({ nextRound: nextRoundStart(programme, ctx.now), timeZone: programme.settings.timeZone }));
}

export async function leave(ctx: CoffeeContext, programme: Programme): Promise<ServiceReply> {
  const member = await memberOf(ctx.tx, programme.id, ctx.from.id);
  if (member?.status !== 'active') return whisper(ctx, notMemberCard());
  await leaveProgramme(ctx.tx, programme.id, ctx.from.id, ctx.now);
  return whisper(ctx, leftCard());
}

export async function pause(ctx: CoffeeContext, programme: Programme, until: Date): Promise<ServiceReply> {
  const member = await memberOf(ctx.tx, programme.id, ctx.from.id);
  if (member?.status !== 'active') return whisper(ctx, notMemberCard());
  await pauseMember(ctx.tx, programme.id, ctx.from.id, until, ctx.now);
  return whisper(ctx, pausedCard({ until, timeZone: programme.settings.timeZone }));
}

export async function resume(ctx: CoffeeContext, programme: Programme): Promise<ServiceReply> {
  const member = await memberOf(ctx.tx, programme.id, ctx.from.id);
  if (member?.status !== 'active') return whisper(ctx, notMemberCard());
  if (!isPaused(member.pausedUntil, ctx.now)) return whisper(ctx, notPausedCard());
  await pauseMember(ctx.tx, programme.id, ctx.from.id, undefined, ctx.now);
  return whisper(ctx, resumedCard({ nextRound: nextRoundStart(programme, ctx.now), timeZone: programme.settings.timeZone }));
}

export async function team(ctx: CoffeeContext, programme: Programme, name: string | null): Promise<ServiceReply> {
  const member = await memberOf(ctx.tx, programme.id, ctx.from.id);
  if (member?.status !== 'active') return whisper(ctx, notMemberCard());
  await setTeam(ctx.tx, programme.id, ctx.from.id, name, ctx.now);
  return whisper(ctx, name === null ? teamClearedCard() : teamSetCard(name));
}

export async function status(ctx: CoffeeContext, programme: Programme | undefined): Promise<ServiceReply> {
  if (!programme || programme.status === 'stopped') {
    return whisper(ctx, statusCard({ timeZone: programme?.settings.timeZone ?? 'Europe/London' }));
  }
  const member = await memberOf(ctx.tx, programme.id, ctx.from.id);
  const counts = await memberCounts(ctx.tx, programme.id, ctx.now);
  const { timeZone } = programme.settings;
  return whisper(
    ctx,
    statusCard({
      timeZone,
      programme: { organiser: programme.organiser, settings: programme.settings, nextRound: nextRoundStart(programme, ctx.now), members: counts.active + counts.paused },
      ...(member === undefined
        ? {}
        : {
            member: {
              status: member.status,
              ...(member.team === undefined ? {} : { team: member.team }),
              // The card has no clock: only a pause still running is worth showing.
              ...(isPaused(member.pausedUntil, ctx.now) && member.pausedUntil ? { pausedUntil: member.pausedUntil } : {}),
            },
          }),
    }),
  );
}

function isPaused(until: Date | undefined, now: Date): boolean {
  return until !== undefined && until > now;
}
