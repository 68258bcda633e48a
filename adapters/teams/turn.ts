// One activity: remember its addresses, translate it, and hand it on to be kept; Teams' answer waits only for that.
import type { TurnContext } from 'botbuilder';
import { NotAccepted } from '../../src/core/inbound-handler';
import type { Inbound } from '../../src/core/model';
import { isDatabaseUnavailable } from '../../src/store/database-errors';
import { errorText, type Logger } from '../../src/log';
import type { TeamsAddresses } from './addresses';
import type { TeamsActivity } from './activity';
import { invokeToInbound } from './inbound/invoke';
import { deleteToInbound, messageToInbound, updateToInbound } from './inbound/message';
import { withFormResolved } from './inbound/form-answers';
import { withScope } from './inbound/scope';
import { isPersonalChat, teamsPerson, teamsPlace, tenantOf } from './inbound/place';
import { rememberAddresses } from './remember';

const CANNOT_SAVE_NOW = "Mobilise can't reach its library just now, so nothing was saved. Please send that again in a minute.";

export interface TurnDeps {
  addresses: TeamsAddresses;
  commands: ReadonlySet<string>;
  /** Keeps the event for the work it asks for (the spool); the HTTP answer waits for this, not for the work. */
  hand(event: Inbound): Promise<void>;
  /** Shows a form again with its problems; true when it had some, so it is not handed on. */
  reshow?(a: TeamsActivity, ctx: TurnContext, event: Inbound | undefined): Promise<boolean>;
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
      return handOn(deps, ctx, async () => withScope(deps.addresses, a, await withFormResolved(deps.addresses, a, messageToInbound(a, deps.commands))), a);
    case 'messageUpdate':
      return handOn(deps, ctx, () => Promise.resolve(updateToInbound(a)));
    case 'messageDelete':
      return handOn(deps, ctx, () => Promise.resolve(deleteToInbound(a)));
    case 'invoke': {
      const { event, answer } = invokeToInbound(a);
      await ctx.sendActivity({ type: 'invokeResponse', value: answer });
      return handOn(deps, ctx, async () => withScope(deps.addresses, a, await withFormResolved(deps.addresses, a, event)), a);
    }
    case 'conversationUpdate':
      if (a.membersAdded?.some((m) => m.id === a.recipient.id)) await welcomeOnce(a, deps);
      return;
    case 'installationUpdate':
      if (a.action === undefined || a.action.startsWith('add')) await welcomeOnce(a, deps);
      return;
  }
}

/**
 * Commands, buttons and forms are placed with the address book before they are kept; when the database cannot be
 * reached for that, the person is told in the same conversation that nothing was saved (replies need no lookup).
 */
async function handOn(deps: TurnDeps, ctx: TurnContext, translate: () => Promise<Inbound | undefined>, a?: TeamsActivity): Promise<void> {
  let event: Inbound | undefined;
  try {
    event = await translate();
    if (a !== undefined && (await deps.reshow?.(a, ctx, event)) === true) return;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    deps.log.warn('teams event not kept: the database is unavailable for its lookup', { type: ctx.activity.type, error: errorText(error) });
    await ctx.sendActivity(CANNOT_SAVE_NOW);
    return;
  }
  try {
    if (event !== undefined) await deps.hand(event);
  } catch (error) {
    // Told to send it again: Teams gets its answer. Otherwise an error answer lets Teams resend it once.
    if (!(error instanceof NotAccepted && error.senderTold)) throw error;
  }
}

/** Teams sends both an installation and a membership update for one install, often at once; one atomic write picks the one that welcomes. */
async function welcomeOnce(a: TeamsActivity, deps: TurnDeps): Promise<void> {
  if (!isPersonalChat(a)) return;
  if (await deps.addresses.firstWelcome(tenantOf(a), teamsPerson(a).id)) deps.welcome(teamsPlace(a));
}
