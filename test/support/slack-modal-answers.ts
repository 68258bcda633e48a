// Fills in a modal Mobilise opened the way a person in Slack would: typed text, a chosen option, a ticked box, a person.
import type { RecordedCall } from './fake-slack-api';
import { interactive, type UnsignedRequest } from './slack-requests';

interface Option {
  text: { text: string };
  value: string;
}
interface InputBlock {
  type: string;
  block_id?: string;
  element?: { type: string; action_id: string; initial_value?: string; initial_user?: string; initial_option?: Option; initial_options?: Option[]; options?: Option[] };
}
interface View {
  callback_id: string;
  private_metadata: string;
  blocks: InputBlock[];
}

/** The view of a views.open call. */
export function openedView(call: RecordedCall): View {
  return call.body.view as View;
}

/**
 * A view_submission for `view`: fields not in `answers` keep their initial value. Answers: text for a text input,
 * an option's value (or label) for a select, 'true'/'false' for a checkbox, a user id for a person picker.
 */
export function answerModal(view: View, answers: Record<string, string>, user = 'U1', viewId = `V${Math.random().toString(36).slice(2)}`): UnsignedRequest {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    const el = block.element;
    if (block.type !== 'input' || !el || !block.block_id) continue;
    const answer = answers[el.action_id];
    let state: unknown;
    if (el.type === 'static_select') {
      const chosen = answer === undefined ? el.initial_option : el.options?.find((o) => o.value === answer || o.text.text === answer);
      if (answer !== undefined && !chosen) throw new Error(`${el.action_id}: no option ${answer}`);
      state = { type: 'static_select', selected_option: chosen ?? null };
    } else if (el.type === 'users_select') {
      state = { type: 'users_select', selected_user: answer ?? el.initial_user ?? null };
    } else if (el.type === 'checkboxes') {
      const ticked = answer === undefined ? (el.initial_options ?? []) : answer === 'true' ? (el.options ?? []) : [];
      state = { type: 'checkboxes', selected_options: ticked };
    } else {
      state = { type: el.type, value: answer ?? el.initial_value ?? null };
    }
    values[block.block_id] = { [el.action_id]: state };
  }
  return interactive({
    type: 'view_submission',
    team: { id: 'T1', domain: 'example' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: `trg-${viewId}`,
    view: { id: viewId, team_id: 'T1', type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values }, hash: '1', title: { type: 'plain_text', text: 'Form' }, blocks: [] },
    response_urls: [],
  });
}
