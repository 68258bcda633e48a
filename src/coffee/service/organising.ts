// Setup, stop and stats: what the organiser does for the channel's programme.
import { randomUUID } from 'node:crypto';
import type { ServiceReply } from '../../core/command-service';
import { samePerson } from '../../core/model';
import { organisationOf } from '../../core/organisation';
import { enqueueOnce } from '../../store/outbox';
import { insertProgramme, programmeAt, stopProgramme, updateProgramme, type Programme } from '../../store/coffee/programmes';
import { memberCounts } from '../../store/coffee/members';
import { programmeStats, recentComments, roundsFrom } from '../../store/coffee/rounds';
import {
  announcementCard,
  notOrganiserCard,
  programmeExistsCard,
  programmeStoppedCard,
  setupProblemsCard,
  setupSavedCard,
  statsCard,
} from '../cards';
import { firstRoundStart } from '../schedule';
import { DEFAULT_SETTINGS, type ProgrammeSettings } from '../settings';
import { readSetupForm, SETUP_LABELS, setupForm } from '../setup-form';
import { problemsInWords } from '../../core/form-check';
import { channelKey, channelOf, programmeStream, toChannel, whisper, type CoffeeContext } from './context';
import { setupNeedsFormCard, withComments } from './notices';

const RECENT_COMMENTS = 5;

/** A stopped programme may be set up again by anyone in the channel; a running one only by its organiser. */
function mayOrganise(ctx: CoffeeContext, programme: Programme | undefined): boolean {
  return !programme || programme.status === 'stopped' || samePerson(programme.organiser, ctx.from);
}

export function openSetup(ctx: CoffeeContext, programme: Programme | undefined): ServiceReply {
  if (programme && !mayOrganise(ctx, programme)) return whisper(ctx, programmeExistsCard(programme.organiser));
  const trigger = 'trigger' in ctx.event ? ctx.event.trigger : undefined;
  if (trigger === undefined) return whisper(ctx, setupNeedsFormCard());
  return { say: [{ kind: 'form', to: ctx.from, trigger, form: setupForm(programme?.settings ?? DEFAULT_SETTINGS) }] };
}

export async function saveSetup(ctx: CoffeeContext, fields: Record<string, string>): Promise<ServiceReply> {
  const read = readSetupForm(fields);
  if (!read.ok) return whisper(ctx, setupProblemsCard(problemsInWords(read.problems, SETUP_LABELS)));
  const place = channelOf(ctx.event.place);
  const existing = await programmeAt(ctx.tx, channelKey(place), true);
  if (existing && !mayOrganise(ctx, existing)) return whisper(ctx, notOrganiserCard(existing.organiser));
  return existing ? reschedule(ctx, existing, read.settings) : create(ctx, read.settings);
}

async function create(ctx: CoffeeContext, settings: ProgrammeSettings): Promise<ServiceReply> {
  const place = channelOf(ctx.event.place);
  const anchor = { round: 1, at: firstRoundStart(settings, ctx.now) };
  const programme: Programme = { id: randomUUID(), tenant: organisationOf(ctx.event), place, organiser: ctx.from, settings, anchor, status: 'active' };
  if (!(await insertProgramme(ctx.tx, { ...programme, placeKey: channelKey(place) }, ctx.now))) {
    // Someone else set one up a moment ago.
    const winner = await programmeAt(ctx.tx, channelKey(place));
    return whisper(ctx, programmeExistsCard(winner?.organiser ?? ctx.from));
  }
  return announce(ctx, programme, 0);
}

/** New settings take effect from the next round not yet matched; rounds under way keep their dates. */
async function reschedule(ctx: CoffeeContext, programme: Programme, settings: ProgrammeSettings): Promise<ServiceReply> {
  const matched = await roundsFrom(ctx.tx, programme.id, 0);
  const lastMatched = matched.at(-1)?.round;
  const round = lastMatched === undefined ? programme.anchor.round : lastMatched + 1;
  const anchor = { round, at: firstRoundStart(settings, ctx.now) };
  await updateProgramme(ctx.tx, programme.id, { settings, anchor, organiser: ctx.from }, ctx.now);
  const { active, paused } = await memberCounts(ctx.tx, programme.id, ctx.now);
  return announce(ctx, { ...programme, settings, anchor, organiser: ctx.from, status: 'active' }, active + paused);
}

/** A fresh announcement each time the schedule is set, so the channel sees the dates. */
async function announce(ctx: CoffeeContext, programme: Programme, members: number): Promise<ServiceReply> {
  const stream = programmeStream(programme.id);
  const card = announcementCard({ organiser: programme.organiser, settings: programme.settings, nextRound: programme.anchor.at, members });
  await enqueueOnce(
    ctx.tx,
    stream,
    [{ dedupeKey: `${stream}:announce:${ctx.event.deliveryId}`, message: toChannel(programme, card, 'announcement') }],
    ctx.now,
  );
  return { ...whisper(ctx, setupSavedCard({ settings: programme.settings, nextRound: programme.anchor.at })), streams: [stream] };
}

export async function stop(ctx: CoffeeContext, programme: Programme): Promise<ServiceReply> {
  if (programme.status === 'stopped') return whisper(ctx, programmeStoppedCard(programme.organiser));
  if (!samePerson(programme.organiser, ctx.from)) return whisper(ctx, notOrganiserCard(programme.organiser));
  await stopProgramme(ctx.tx, programme.id, ctx.now);
  const stream = programmeStream(programme.id);
  await enqueueOnce(
    ctx.tx,
    stream,
    [{ dedupeKey: `${stream}:stop:${ctx.event.deliveryId}`, message: toChannel(programme, programmeStoppedCard(programme.organiser)) }],
    ctx.now,
  );
  return { say: [], streams: [stream] };
}

export async function stats(ctx: CoffeeContext, programme: Programme): Promise<ServiceReply> {
  if (!samePerson(programme.organiser, ctx.from)) return whisper(ctx, notOrganiserCard(programme.organiser));
  const figures = await programmeStats(ctx.tx, programme.id);
  const { active, paused } = await memberCounts(ctx.tx, programme.id, ctx.now);
  const comments = await recentComments(ctx.tx, programme.id, RECENT_COMMENTS);
  return whisper(ctx, withComments(statsCard({ ...figures, activeMembers: active, paused }), comments));
}
