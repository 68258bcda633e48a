// Which typed commands the AAR understands in each phase; the words themselves are read in flows/shared/thread-commands.
import { parseThreadCommand, type ThreadCommand } from '../shared/thread-commands';
import type { Phase } from './state';

const ALLOWED: Record<Phase, readonly ThreadCommand['verb'][]> = {
  asking: ['next', 'finish', 'cancel'],
  review: ['save', 'cancel', 'edit', 'drop', 'restore', 'carry'],
  saved: [],
  cancelled: [],
};

/** A typed command that means something in this phase; anything else is an ordinary reply. */
export function commandFor(text: string, phase: Phase): ThreadCommand | null {
  const command = parseThreadCommand(text);
  return command && ALLOWED[phase].includes(command.verb) ? command : null;
}
