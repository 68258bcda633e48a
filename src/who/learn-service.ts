// `/learn`: the umbrella command for techniques without a command of their own; first, "who has done this before?".
import { card } from '../core/card';
import { whisperReply, type CommandService, type ServiceReply } from '../core/command-service';
import type { Inbound } from '../core/model';
import { organisationOf } from '../core/organisation';
import type { Sql } from '../store/db';
import { evidenceOn, optIn, optOut } from '../store/who-evidence';
import { parseLearnCommand } from './learn-command';
import { learnHelpCard } from './learn-help';
import { rankCandidates } from './ranking';
import { whoCard } from './who-card';

const said = (text: string) => card(text, { type: 'paragraph', text });

export const learnService: CommandService = {
  command: 'learn',
  prefix: 'learn:',
  help: learnHelpCard,
  async handle(tx: Sql, event: Inbound, now: Date): Promise<ServiceReply> {
    if (event.kind !== 'command') return { say: [] };
    const command = parseLearnCommand(event.text);
    // Everything here stays inside the asker's own organisation.
    const tenant = organisationOf(event);
    switch (command.verb) {
      case 'help':
        return whisperReply(event.from, learnHelpCard());
      case 'invalid':
        return whisperReply(event.from, said(command.message));
      case 'who':
        return whisperReply(event.from, whoCard(command.topic, rankCandidates(await evidenceOn(tx, tenant, command.topic))));
      case 'opt-out': {
        const already = await optOut(tx, tenant, event.from.id, now);
        return whisperReply(event.from, said(already ? "You're already left out of /learn who suggestions." : "Done: /learn who won't suggest you to anyone. Your lessons stay in the library. /learn who opt-in brings you back."));
      }
      case 'opt-in': {
        const was = await optIn(tx, tenant, event.from.id);
        return whisperReply(event.from, said(was ? 'Welcome back: /learn who can suggest you again.' : '/learn who can already suggest you; nothing changed.'));
      }
    }
  },
};
