// Words the facilitator can type in the thread instead of pressing a button.
import { parseThreadCommand } from '../shared/thread-commands';

export type BarCommand = 'next' | 'finish' | 'cancel';

/** A typed command the BAR understands; anything else (including the AAR's own verbs) is an ordinary reply. */
export function commandFor(text: string): BarCommand | null {
  const verb = parseThreadCommand(text)?.verb;
  return verb === 'next' || verb === 'finish' || verb === 'cancel' ? verb : null;
}
