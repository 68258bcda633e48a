// Message activities -> neutral 'command', 'reply', 'action' or 'form'; edits and deletions -> 'reply-edited' / 'reply-deleted'.
import type { Inbound } from '../../../src/core/model';
import type { TeamsActivity } from '../activity';
import { readSubmission, type Submission } from '../cards';
import { deliveryIdOf, isPersonalChat, teamsPerson, teamsPlace } from './place';
import { readText } from './text';

export function messageToInbound(a: TeamsActivity, commands: ReadonlySet<string>): Inbound | undefined {
  if (a.id === undefined || a.from.id === a.recipient.id) return undefined;
  // A card's button or form arrives as a message whose value is the submitted data.
  if (a.value !== undefined && a.value !== null) {
    const submission = readSubmission(a.value);
    return submission && submissionToInbound(a, submission);
  }
  const { text, mentionsBot } = readText(a);
  const command = commandIn(text, commands);
  const from = teamsPerson(a);
  const place = teamsPlace(a);
  const deliveryId = deliveryIdOf(a);
  // In channels and group chats a command is said to the bot; in its own chat, to no one else.
  if (command && (mentionsBot || isPersonalChat(a))) {
    return { kind: 'command', name: command.name, text: command.rest, from, place, deliveryId, trigger: from.id };
  }
  if (text === '') return undefined;
  return { kind: 'reply', text, from, place, deliveryId, messageId: a.id };
}

/** A button press or a form, pressed by whoever sent the activity; the trigger is them, so a form can be sent to them. */
export function submissionToInbound(a: TeamsActivity, submission: Submission, suffix?: string): Inbound {
  const from = teamsPerson(a);
  const place = teamsPlace(a);
  const deliveryId = deliveryIdOf(a, suffix);
  // A form filled in in the person's own chat is moved to where it was asked for by withFormResolved.
  if (submission.kind === 'form') return { kind: 'form', form: submission.form, fields: submission.fields, from, place, deliveryId };
  const action: Inbound = { kind: 'action', action: submission.action, from, place, deliveryId, trigger: from.id };
  return submission.value === undefined ? action : { ...action, value: submission.value };
}

/** Teams sends the edited message's id again, so an edit's delivery id also carries when it happened. */
export function updateToInbound(a: TeamsActivity): Inbound | undefined {
  if (a.id === undefined || a.from.id === a.recipient.id) return undefined;
  if (a.channelData?.eventType !== undefined && a.channelData.eventType !== 'editMessage') return undefined;
  const { text } = readText(a);
  return {
    kind: 'reply-edited',
    text,
    from: teamsPerson(a),
    place: teamsPlace(a),
    deliveryId: deliveryIdOf(a, `edit:${a.timestamp ?? ''}`),
    messageId: a.id,
  };
}

export function deleteToInbound(a: TeamsActivity): Inbound | undefined {
  if (a.id === undefined) return undefined;
  return { kind: 'reply-deleted', place: teamsPlace(a), deliveryId: deliveryIdOf(a, 'delete'), messageId: a.id };
}

function commandIn(text: string, commands: ReadonlySet<string>): { name: string; rest: string } | undefined {
  const match = /^\/?(\S+)(?:\s+([\s\S]*))?$/.exec(text);
  const name = match?.[1]?.toLowerCase();
  if (name === undefined || !commands.has(name)) return undefined;
  return { name, rest: (match?.[2] ?? '').trim() };
}
