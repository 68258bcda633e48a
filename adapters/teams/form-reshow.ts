// A submitted form with a wrong answer is not handed on: the form comes back with the problem under that field and
// everything typed kept, in place of the card that was sent where Teams allows it.
import type { TurnContext } from 'botbuilder';
import { formWithProblems, type FieldProblem, type FormChecker } from '../../src/core/form-check';
import type { Inbound } from '../../src/core/model';
import type { TeamsActivity } from './activity';
import type { TeamsAddresses } from './addresses';
import { activityOf } from './connector';
import { formToken } from './inbound/form-answers';
import { tenantOf } from './inbound/place';
import type { TeamsRenderer } from './render';

export interface ReshowDeps {
  forms?: FormChecker;
  addresses: TeamsAddresses;
  renderer: TeamsRenderer;
}

/** True when the form had problems and was shown again (so it must not be handed on). */
export async function reshownWithProblems(deps: ReshowDeps, a: TeamsActivity, ctx: TurnContext, event: Inbound | undefined): Promise<boolean> {
  if (event?.kind !== 'form' || deps.forms === undefined) return false;
  const problems = deps.forms.check(event.form, event.fields);
  if (problems.length === 0) return false;
  const tenant = tenantOf(a);
  const asked = formToken(a);
  const sent = asked === undefined ? undefined : (await deps.addresses.formOrigin(tenant, asked))?.form;
  if (sent === undefined) {
    // A form sent before forms were kept with their origin: its card still holds what was typed, so say what to change.
    await ctx.sendActivity(problemsText(problems));
    return true;
  }
  const activity = activityOf(await deps.renderer.form(tenant, formWithProblems(sent, event.fields, problems), asked));
  // The submitted card is replaced, as a card refreshes in place (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/update-and-delete-bot-messages).
  if (a.type === 'message' && a.replyToId !== undefined) {
    try {
      await ctx.updateActivity({ ...activity, id: a.replyToId });
      return true;
    } catch {
      // The card could not be replaced (deleted, or too old): the form comes again as a new message instead.
    }
  }
  await ctx.sendActivity(activity);
  return true;
}

function problemsText(problems: readonly FieldProblem[]): string {
  return `Nothing was saved yet. Please change this on the form and send it again:\n\n${problems.map((p) => `- ${p.message}`).join('\n')}`;
}
