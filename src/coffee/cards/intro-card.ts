// The first message in a group's private chat: who you are meeting, by when, a time to start from, and a prompt.
import { card, type Block, type Card } from '../../core/card';
import type { Person } from '../../core/model';
import { formatDay, formatSlot } from './dates';
import { mentionAll, PROGRAMME_NAME } from './wording';

export interface IntroInput {
  people: Person[];
  round: number;
  meetBy: Date;
  suggested: { start: Date; end: Date };
  prompt?: string;
  timeZone: string;
  /** Channel id of the programme, shown as a channel link. */
  channel: string;
}

export function introCard(input: IntroInput): Card {
  const hello = `Hello ${mentionAll(input.people)}!`;
  const matched =
    `You've been matched for round ${input.round} of ${PROGRAMME_NAME} in <#${input.channel}>. ` +
    `Please find 30 minutes to meet, in person or online, before ${formatDay(input.meetBy, input.timeZone)}.`;
  const suggestion =
    `A time to start from: ${formatSlot(input.suggested, input.timeZone)}. ` +
    "If it doesn't suit, whoever sees this first could offer another.";
  const prompt: Block[] = input.prompt === undefined ? [] : [{ type: 'paragraph', text: `Something to talk about: ${input.prompt}` }];
  const footer = 'No need to reply here unless it helps to arrange things. Enjoy your coffee!';
  return card(
    `${hello} ${matched}`,
    { type: 'paragraph', text: hello },
    { type: 'paragraph', text: matched },
    { type: 'paragraph', text: suggestion },
    ...prompt,
    // Where the bot cannot put the group in a chat of its own (Teams), links to start one and to book the slot.
    {
      type: 'meet',
      people: input.people,
      topic: `${PROGRAMME_NAME}, round ${input.round}`,
      start: input.suggested.start.toISOString(),
      end: input.suggested.end.toISOString(),
    },
    { type: 'context', text: footer },
  );
}
