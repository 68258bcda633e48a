// The engine's own few words to people, for events no flow can answer.
import { card, type Card } from '../core/card';
import type { Outgoing } from '../core/flow';
import type { Person, Platform } from '../core/model';
import { howToAddMobilise, platformName } from '../core/platform-words';

function whisper(to: Person, text: string): Outgoing {
  return { kind: 'whisper', to, card: card(text, { type: 'paragraph', text }) };
}

export const notices = {
  unknownCommand: (to: Person, name: string, known: string[]): Outgoing =>
    whisper(to, `Mobilise doesn't know \`/${name}\`. Try ${known.map((k) => `\`/${k} help\``).join(', ')}.`),
  alreadyRunning: (to: Person, command: string): Outgoing =>
    whisper(to, `There is already a \`/${command}\` running here. Finish or cancel it first.`),
  alreadyEnded: (to: Person): Outgoing => whisper(to, 'That review has already finished, so its buttons no longer do anything.'),
  /** Said at once, without the database: the event is on Mobilise's own disk and goes through when the database is back. */
  keptForLater: (to: Person): Outgoing =>
    whisper(to, "Mobilise can't reach its library just now. What you sent is kept and will go through, in order, as soon as it's back: there's no need to send it again."),
  /** Said at once when Mobilise could not keep an event: nothing of it was saved. */
  sendAgain: (to: Person): Outgoing =>
    whisper(to, 'Mobilise is too busy to take that just now, so nothing was saved. Please send it again in a minute.'),
  somethingWentWrong: (to: Person): Outgoing =>
    whisper(to, 'Sorry, something went wrong on our side and nothing was changed. Please try again in a moment.'),
  cannotPostHere: (platform: Platform): Card => {
    const text =
      "I couldn't post in the channel where you ran that command, probably because I haven't been let in there yet. " +
      `Please ${howToAddMobilise(platform)} and run the command again. Nothing was saved.`;
    return card(text, { type: 'paragraph', text });
  },
  notDelivered: (platform: Platform): Card => {
    const text =
      `One of Mobilise's messages in something you started could not be delivered: ${platformName(platform)} kept turning it away, ` +
      'so Mobilise stopped trying after a couple of minutes. Nothing anyone said has been lost, and later messages are still being sent.';
    return card(text, { type: 'paragraph', text });
  },
  runRetired: (): Outgoing => {
    const text =
      'This conversation was started by an earlier version of Mobilise and cannot carry on. Anything already saved is kept; please start a new one.';
    return { kind: 'post', in: 'thread', card: card(text, { type: 'paragraph', text }) };
  },
};
