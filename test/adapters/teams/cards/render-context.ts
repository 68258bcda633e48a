// A RenderContext over a fixed directory of names and a fixed pair of meeting links.
import type { MeetBlock } from '../../../../src/core/card';
import type { RenderContext, TeamsCardMessage, TeamsMessage } from '../../../../adapters/teams/cards';

export const ALICE = '29:1alice-aaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const BOB = '29:1bob-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
export const STRANGER = '29:1zzz-zzzzzzzzzzzzzzzzzzzzzzzzzzzzz';

const NAMES = new Map([
  [ALICE, 'Alice Smith'],
  [BOB, 'Bob Jones'],
  ['U1', 'Una'],
]);

export function contextWith(links: { chat?: string; meeting?: string } = {}, channels: Record<string, string> = {}): RenderContext & { meetAsked: MeetBlock[] } {
  const meetAsked: MeetBlock[] = [];
  return {
    meetAsked,
    nameOf: (id) => NAMES.get(id),
    meetLinks: (block) => {
      meetAsked.push(block);
      return links;
    },
    channelName: (id) => channels[id],
  };
}

/** The message as a card, failing the test if it went as plain text. */
export function asCard(message: TeamsMessage): TeamsCardMessage {
  if (message.kind !== 'card') throw new Error(`expected a card, got text: ${message.text}`);
  return message;
}
