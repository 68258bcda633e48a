// One activity: remember its addresses, translate it, and hand it on without making Teams wait for the work.
import type { TurnContext } from 'botbuilder';
import type { Inbound } from '../../src/core/model';
import { errorText, type Logger } from '../../src/log';
import type { TeamsAddresses } from './addresses';
import type { TeamsActivity } from './activity';
import { invokeToInbound } from './inbound/invoke';
import { deleteToInbound, messageToInbound, updateToInbound } from './inbound/message';
import { withFormResolved } from './inbound/form-answers';
import { isPersonalChat, teamsPerson, teamsPlace, tenantOf } from './inbound/place';
import { rememberAddresses } from './remember';

export interface TurnDeps {
  addresses: TeamsAddresses;
  commands: ReadonlySet<string>;
  /** Starts the work an event asks for; the HTTP answer does not wait for it. */
  hand(event: Inbound): void;
  /** Sends the welcome card to a person's own chat with the bot. */
  welcome(place: Inbound['place']): void;
  log: Logger;
}

export async function onTurn(a: TeamsActivity, ctx: TurnContext, deps: TurnDeps): Promise<void> {
  try {
    await rememberAddresses(deps.addresses, a);
  } catch (error) {
    // Without the address a later proactive post may fail, but this activity can still be answered.
    deps.log.error('teams addresses not saved', { type: a.type, error: errorText(error) });
  }
  switch (a.type) {
    case 'message':
      return handOn(deps, await withFormResolved(deps.addresses, a, messageToInbound(a, deps.commands)));
    case 'messageUpdate':
      return handOn(deps, updateToInbound(a));
    case 'messageDelete':
      return handOn(deps, deleteToInbound(a));
    case 'invoke': {
      const { event, answer } = invokeToInbound(a);
      await ctx.sendActivity({ type: 'invokeResponse', value: answer });
      return handOn(deps, await withFormResolved(deps.addresses, a, event));
    }
    case 'conversationUpdate':
      if (a.membersAdded?.some((m) => m.id === a.recipient.id)) await welcomeOnce(a, deps);
      return;
    case 'installationUpdate':
      if (a.action === undefined || a.action.startsWith('add')) await welcomeOnce(a, deps);
      return;
  }
}

function handOn(deps: TurnDeps, event: Inbound | undefined): void {
  if (event !== undefined) deps.hand(event);
}

/** Teams sends both an installation and a membership update for one install, often at once; one atomic write picks the one that welcomes. */
async function welcomeOnce(a: TeamsActivity, deps: TurnDeps): Promise<void> {
  if (!isPersonalChat(a)) return;
  if (await deps.addresses.firstWelcome(tenantOf(a), teamsPerson(a).id)) deps.welcome(teamsPlace(a));
}
