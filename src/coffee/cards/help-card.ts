// /coffee help: every command, one line each.
import { card, type Card } from '../../core/card';
import { PROGRAMME_NAME } from './wording';

const COMMANDS: readonly [string, string][] = [
  ['/coffee join', "take part; you'll be matched from the next round"],
  ['/coffee leave', 'stop taking part (you can join again any time)'],
  ['/coffee pause for 3 weeks', 'take a break (or /coffee pause until 24 December)'],
  ['/coffee resume', 'come back from a pause early'],
  ['/coffee status', "see whether you're in, and when the next round is"],
  ['/coffee team Pharmacy', "say which team you're in (/coffee team on its own clears it)"],
  ['/coffee setup', 'start a programme in this channel, or change its settings (organiser)'],
  ['/coffee stats', 'see how the programme is going (organiser)'],
  ['/coffee stop', 'end the programme in this channel (organiser)'],
  ['/coffee help', 'show this list'],
];

export function helpCard(): Card {
  const intro =
    `${PROGRAMME_NAME} match colleagues at random for a 30-minute chat, so people get to know others across the organisation. ` +
    "It's opt-in: only people who join are matched.";
  const list = COMMANDS.map(([command, what]) => `• ${command} — ${what}`).join('\n');
  return card(
    `${intro}\n${list}`,
    { type: 'heading', text: PROGRAMME_NAME },
    { type: 'paragraph', text: intro },
    { type: 'paragraph', text: list },
  );
}
