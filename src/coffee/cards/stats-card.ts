// /coffee stats, for the organiser: how the programme is doing over all its rounds.
import { card, type Card } from '../../core/card';
import { PROGRAMME_NAME, percent } from './wording';

export interface StatsInput {
  rounds: number;
  /** Different people matched in any round so far. */
  participants: number;
  activeMembers: number;
  paused: number;
  /** Every round's groups: how many met (anyone said yes), did not say, or answered both ways (counted as met). */
  meetings: { groups: number; met: number; unanswered: number; disagreed: number };
  /** Share of matches that repeated an earlier one, 0 to 1; null before any matches. */
  repeatRate: number | null;
}

export function statsCard(input: StatsInput): Card {
  const fields = [
    { label: 'Rounds so far', value: String(input.rounds) },
    { label: 'People who have taken part', value: String(input.participants) },
    { label: 'Members now', value: String(input.activeMembers) },
    { label: 'Paused', value: String(input.paused) },
    { label: 'Groups that met', value: metInWords(input.meetings) },
    ...(input.meetings.unanswered > 0 ? [{ label: "Groups that didn't say", value: String(input.meetings.unanswered) }] : []),
    ...(input.meetings.disagreed > 0 ? [{ label: 'Answered both ways', value: `${input.meetings.disagreed} (counted as met)` }] : []),
    { label: 'Repeat matches', value: input.repeatRate === null ? 'No matches yet' : percent(input.repeatRate) },
  ];
  const text = `${PROGRAMME_NAME} in numbers: ${fields.map((f) => `${f.label}: ${f.value}`).join('; ')}.`;
  return card(
    text,
    { type: 'heading', text: `${PROGRAMME_NAME} in numbers` },
    { type: 'fields', fields },
    {
      type: 'context',
      text:
        'Only you can see this. Meeting figures come from the "Did you meet?" answers, counted as in each round\'s summary: ' +
        'a group met when anyone in it said yes, even if someone else in it said otherwise.',
    },
  );
}

/** "11 of 16 (69%)", the same count of groups each round's summary gives, added up. */
function metInWords(m: StatsInput['meetings']): string {
  return m.groups === 0 ? 'No groups yet' : `${m.met} of ${m.groups} (${percent(m.met / m.groups)})`;
}
