// Invoke activities: Action.Execute on a card, or a form submitted from a dialog; each wants an answer in the HTTP response.
import type { Inbound } from '../../../src/core/model';
import type { TeamsActivity } from '../activity';
import { readDialogSubmit, readExecute } from '../cards';
import { submissionToInbound } from './message';

/** What Teams is told straight away; the card itself changes when the engine has done its work. */
export interface InvokeAnswer {
  status: number;
  body?: unknown;
}

export function invokeToInbound(a: TeamsActivity): { event?: Inbound; answer: InvokeAnswer } {
  if (a.name === 'adaptiveCard/action') {
    const submission = readExecute(a.value);
    const answer = { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Thanks, Mobilise has that.' } };
    return submission ? { event: submissionToInbound(a, submission, 'execute'), answer } : { answer: { status: 400 } };
  }
  if (a.name === 'task/submit') {
    const submission = readDialogSubmit(a.value);
    // An empty answer closes the dialog.
    return submission ? { event: submissionToInbound(a, submission, 'dialog'), answer: { status: 200 } } : { answer: { status: 400 } };
  }
  return { answer: { status: 501 } };
}
