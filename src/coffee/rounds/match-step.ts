// The start of a round: match everyone available, introduce each group, tell the channel.
import type { Person } from '../../core/model';
import type { Sql } from '../../store/db';
import type { Programme } from '../../store/coffee/programmes';
import { availableMembers } from '../../store/coffee/members';
import { insertRound, matchHistory } from '../../store/coffee/rounds';
import { enqueueOnce, type KeyedMessage } from '../../store/outbox';
import { introCard, roundNoteCard, sitOutCard } from '../cards';
import { matchGroups } from '../matching/match-groups';
import type { MatchResult } from '../matching/types';
import { promptFor } from '../prompts';
import { holidayRegionOf } from '../../store/organisations';
import { meetBy, roundStart, suggestedMeeting } from '../schedule';
import { programmeStream, toChannel } from '../service/context';

/** False when the round was matched already (a retried or re-scheduled step adds nothing). */
export async function runMatch(tx: Sql, programme: Programme, round: number, startsAt: Date, now: Date, random: () => number): Promise<boolean> {
  const { settings } = programme;
  const members = await availableMembers(tx, programme.id, now);
  const seed = Math.floor(random() * 2 ** 31);
  const result: MatchResult =
    members.length < 2
      ? { groups: [], sittingOut: [], repeats: 0 }
      : matchGroups({
          participants: members.map((m) => ({ id: m.person.id, ...(m.team === undefined ? {} : { team: m.team }) })),
          history: await matchHistory(tx, programme.id),
          groupSize: settings.groupSize,
          windowRounds: settings.historyRounds,
          seed,
          oddOneOut: settings.oddOneOut,
          preferDifferentTeams: settings.preferDifferentTeams,
        });
  const inserted = await insertRound(
    tx,
    { programmeId: programme.id, round, startsAt, seed, sittingOut: result.sittingOut, repeats: result.repeats },
    result.groups,
    now,
  );
  if (!inserted) return false;

  const people = new Map(members.map((m) => [m.person.id, m.person]));
  const named = (ids: string[]): Person[] => ids.flatMap((id) => people.get(id) ?? []);
  const stream = programmeStream(programme.id);
  const key = (what: string): string => `${stream}:${round}:${what}`;
  const { timeZone } = settings;
  const region = await holidayRegionOf(tx, programme.tenant);
  const messages: KeyedMessage[] = result.groups.map((group, idx) => ({
    dedupeKey: key(`intro:${idx}`),
    message: {
      kind: 'send',
      to: { group: named(group) },
      card: introCard({
        people: named(group),
        round,
        meetBy: meetBy(settings, startsAt, region),
        suggested: suggestedMeeting(settings, startsAt, region),
        ...(settings.prompts ? { prompt: promptFor(seed, round, idx) } : {}),
        timeZone,
        channel: programme.place.channel,
      }),
    },
  }));
  const nextRound = roundStart(programme.anchor, settings, round + 1);
  for (const person of named(result.sittingOut)) {
    messages.push({ dedupeKey: key(`sit-out:${person.id}`), message: { kind: 'send', to: { person }, card: sitOutCard({ round, nextRound, timeZone }) } });
  }
  const note = roundNoteCard({
    round,
    people: members.length,
    groups: result.groups.length,
    trios: result.groups.filter((g) => g.length === 3).length,
    sittingOut: result.sittingOut.length,
    groupSize: settings.groupSize,
  });
  messages.push({ dedupeKey: key('note'), message: toChannel(programme, note) });
  await enqueueOnce(tx, stream, messages, now);
  return true;
}
