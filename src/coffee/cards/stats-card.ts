// /coffee stats, for the organiser: how the programme is doing over all its rounds.
import { card, type Card } from '../../core/card';
import { PROGRAMME_NAME, percent } from './wording';

export interface StatsInput {
  rounds: number;
  /** Different people matched in any round so far. */
  participants: number;
  activeMembers: number;
  paused: number;
  /** Share of groups that met, 0 to 1; null when nobody has answered yet. */
  meetingRate: number | null;
  /** Share of matches that repeated an earlier one, 0 to 1; null before any matches. */
  repeatRate: number | null;
}

export function statsCard(input: StatsInput): Card {
  const fields = [
    { label: 'Rounds so far', value: String(input.rounds) },
    { label: 'People who have taken part', value: String(input.participants) },
    { label: 'Members now', value: String(input.activeMembers) },
    { label: 'Paused', value: String(input.paused) },
    { label: 'Groups that met', value: input.meetingRate === null ? 'No answers yet' : percent(input.meetingRate) },
    { label: 'Repeat matches', value: input.repeatRate === null ? 'No matches yet' : percent(input.repeatRate) },
  ];
  const text = `${PROGRAMME_NAME} in numbers: ${fields.map((f) => `${f.label}: ${f.value}`).join('; ')}.`;
  return card(
    text,
    { type: 'heading', text: `${PROGRAMME_NAME} in numbers` },
    { type: 'fields', fields },
    { type: 'context', text: 'Only you can see this. Meeting figures come from the "Did you meet?" answers.' },
  );
}
