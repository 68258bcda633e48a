// /learn help: the techniques reached through /learn, and where the others live.
import { card, type Card } from '../core/card';

const COMMANDS: readonly [string, string][] = [
  ['/learn who <what the work is about>', 'who in your organisation has done similar work before, with the lessons and reviews that show it (only you see the answer)'],
  ['/learn who opt-out', 'stop being suggested; /learn who opt-in to be suggested again'],
  ['/learn help', 'show this list'],
];

const OWN_COMMANDS =
  'The most used techniques have their own commands: After Action Review is /aar, Before Action Review is /bar, the lessons library is /lessons, communities of practice are /cop, and Randomised Coffee Trials are /coffee. Each answers help.';

export function learnHelpCard(): Card {
  const intro = 'Learning before, during and after: /learn reaches the techniques that have no command of their own.';
  const list = COMMANDS.map(([command, what]) => `• ${command} — ${what}`).join('\n');
  return card(`${intro}\n${list}\n${OWN_COMMANDS}`, { type: 'heading', text: 'Learn' }, { type: 'paragraph', text: intro }, { type: 'paragraph', text: list }, { type: 'context', text: OWN_COMMANDS });
}
