// Reading the title a review is started with, and saying why it did not start.
import type { Card } from '../../src/core/card';
import type { StartInput, Step } from '../../src/core/flow';
import { describeFindings, guardText, type Finding } from '../../src/privacy';
import { echoCard } from './echo';
import { plain } from './whispers';

/** Each review's own replies when its command is given no usable title. */
export interface TitleReplies {
  askForTitle(): Card;
  hasIdentifier(findings: readonly Finding[]): Card;
}

export type TitleCheck = { ok: true; title: string } | { ok: false; reply: Card };

/** A title is one line: it heads every card of the review and every lesson's source. */
export const TITLE_MAX_LENGTH = 150;

/** The title with spaces tidied, or the reply to whisper instead: none given, or one naming a patient (the engine answers "help"). */
export function checkTitle(text: string, replies: TitleReplies): TitleCheck {
  const title = text.replace(/\s+/g, ' ').trim();
  if (title === '') return { ok: false, reply: replies.askForTitle() };
  if (title.length > TITLE_MAX_LENGTH) return { ok: false, reply: titleTooLongCard(title) };
  const { findings } = guardText(title);
  if (findings.length > 0) return { ok: false, reply: replies.hasIdentifier(findings) };
  return { ok: true, title };
}

export function notStarted<S>(input: StartInput, body: Card): Step<S | null> {
  return { state: null, done: true, say: [{ kind: 'whisper', to: input.from, card: body }] };
}

/** `use` says who sees a title and what it is for; `example` is a good command to copy. */
export function titleHasIdentifierCard(findings: readonly Finding[], use: string, example: string): Card {
  return plain(
    `Your title seems to contain ${describeFindings(findings)}, so I haven't started the review. ` +
      `Titles are ${use} — please try again without it, for example: ${example}`,
  );
}

/** Says the limit and gives back what was typed (a slash command's text is gone once sent), so nothing is lost. */
function titleTooLongCard(title: string): Card {
  const said =
    `Titles can be up to ${TITLE_MAX_LENGTH} characters, and that one has ${title.length.toLocaleString('en-GB')}, so I haven't started the review. ` +
    'A title is one line naming what happened, such as "Go-live of e-prescribing on Ward 7"; the rest belongs in the answers. Here is what you typed:';
  return echoCard(said, title);
}
