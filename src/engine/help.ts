// `/<command> help` is answered here for every flow and service, before any of them reads the text as a title or a search.
import type { Card } from '../core/card';
import type { Outgoing } from '../core/flow';
import { isHelpRequest } from '../core/help';
import type { Inbound } from '../core/model';

/** Anything that answers a chat command: a flow or a command service. */
export interface HelpfulCommand {
  command: string;
  help(): Card;
}

/** The command's help, whispered to whoever asked; undefined when the event is not a request for help. */
export function helpReply(event: Inbound, commands: readonly HelpfulCommand[]): Outgoing | undefined {
  if (event.kind !== 'command' || !isHelpRequest(event.text)) return undefined;
  const found = commands.find((c) => c.command === event.name);
  return found && { kind: 'whisper', to: event.from, card: found.help() };
}
