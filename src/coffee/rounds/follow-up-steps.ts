// The later steps of a round: the midway reminder, "Did you meet?", and the result in the channel.
import type { Person } from '../../core/model';
import type { Sql } from '../../store/db';
import { holidayRegionOf } from '../../store/organisations';
import type { Programme } from '../../store/coffee/programmes';
import { peopleOf } from '../../store/coffee/members';
import { groupsOf, roundOf, roundResult } from '../../store/coffee/rounds';
import { enqueueOnce, type KeyedMessage } from '../../store/outbox';
import { feedbackCard, reminderCard, summaryCard } from '../cards';
import { meetBy } from '../schedule';
import { programmeStream, toChannel } from '../service/context';

/** A round's groups with their people; undefined when the round was never matched. */
async function namedGroups(tx: Sql, programme: Programme, round: number): Promise<{ startsAt: Date; groups: Person[][] } | undefined> {
  const record = await roundOf(tx, programme.id, round);
  if (!record) return undefined;
  const groups = await groupsOf(tx, programme.id, round);
  const people = await peopleOf(tx, programme.id, groups.flat());
  return { startsAt: record.startsAt, groups: groups.map((g) => g.flatMap((id) => people.get(id) ?? [])) };
}

function keyed(programme: Programme, round: number, what: string, message: KeyedMessage['message']): KeyedMessage {
  return { dedupeKey: `${programmeStream(programme.id)}:${round}:${what}`, message };
}

async function write(tx: Sql, programme: Programme, messages: KeyedMessage[], now: Date): Promise<boolean> {
  await enqueueOnce(tx, programmeStream(programme.id), messages, now);
  return messages.length > 0;
}

export async function runReminder(tx: Sql, programme: Programme, round: number, now: Date): Promise<boolean> {
  const matched = await namedGroups(tx, programme, round);
  if (!matched) return false;
  const { timeZone } = programme.settings;
  const by = meetBy(programme.settings, matched.startsAt, await holidayRegionOf(tx, programme.tenant));
  const messages = matched.groups.map((people, idx) =>
    keyed(programme, round, `reminder:${idx}`, { kind: 'send', to: { group: people }, card: reminderCard({ people, meetBy: by, timeZone }) }),
  );
  return write(tx, programme, messages, now);
}

/** Each person is asked on their own, so one answer never speaks for the group. */
export async function runFeedback(tx: Sql, programme: Programme, round: number, now: Date): Promise<boolean> {
  const matched = await namedGroups(tx, programme, round);
  if (!matched) return false;
  const messages = matched.groups.flatMap((people) =>
    people.map((person) =>
      keyed(programme, round, `feedback:${person.id}`, {
        kind: 'send',
        to: { person },
        card: feedbackCard({ programmeId: programme.id, round, others: people.filter((p) => p.id !== person.id) }),
      }),
    ),
  );
  return write(tx, programme, messages, now);
}

export async function runSummary(tx: Sql, programme: Programme, round: number, now: Date): Promise<boolean> {
  const result = await roundResult(tx, programme.id, round);
  if (result.groups === 0) return false;
  const card = summaryCard({ round, ...result, groupSize: programme.settings.groupSize });
  return write(tx, programme, [keyed(programme, round, 'summary', toChannel(programme, card))], now);
}
