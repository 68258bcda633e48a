// What a person sees when they add Mobilise to their own Teams: what it can do, one line each.
import { card, type Card } from '../../src/core/card';

const COMMANDS: { label: string; value: string }[] = [
  { label: 'aar', value: 'Run an After Action Review: what was meant to happen, what did, why, and what to do next time.' },
  { label: 'bar', value: "Run a Before Action Review before you start, with lessons from teams who've done it before." },
  { label: 'lessons', value: 'Search the lessons your organisation has saved.' },
  { label: 'cop', value: 'Find, join or start a community of practice, with a weekly digest of new lessons.' },
  { label: 'coffee', value: "Join Randomised Coffee Trials and meet colleagues you wouldn't otherwise meet." },
];

export function welcomeCard(): Card {
  const intro = "Hello, I'm Mobilise. I help teams learn from their work and share what they learn.";
  const how = 'Type a command here, or mention me in a channel, for example: @Mobilise aar Go-live of e-prescribing. Add "help" after any command to find out more.';
  const text = [intro, ...COMMANDS.map((c) => `${c.label}: ${c.value}`), how].join('\n');
  return card(
    text,
    { type: 'heading', text: 'Welcome to Mobilise' },
    { type: 'paragraph', text: intro },
    { type: 'fields', fields: COMMANDS },
    { type: 'context', text: how },
  );
}
