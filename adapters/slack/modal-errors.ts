// A submitted modal's problems as Slack shows them: under each input, keyed by its block_id (the field's id, see
// form-inputs.ts), with the modal left open and what was typed kept (https://docs.slack.dev/surfaces/modals#displaying_errors).
import type { ViewErrorsResponseAction } from '@slack/bolt';
import type { FieldProblem } from '../../src/core/form-check';

/** Slack documents no length for an error; a short one reads under an input, so a long one is cut at a word. */
const ERROR_LENGTH = 300;

function short(text: string): string {
  if (text.length <= ERROR_LENGTH) return text;
  const cut = text.slice(0, ERROR_LENGTH - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

export function modalErrors(problems: readonly FieldProblem[]): ViewErrorsResponseAction {
  const errors: Record<string, string> = {};
  for (const { field, message } of problems) errors[field] = short(errors[field] === undefined ? message : `${errors[field]} ${message}`);
  return { response_action: 'errors', errors };
}
