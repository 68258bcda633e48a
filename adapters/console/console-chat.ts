// The ChatPort the core talks to: every message Mobilise sends is printed, numbered, and remembered.
import type { Card, FormSpec } from '../../src/core/card';
import type { FormChecker } from '../../src/core/form-check';
import type { Person, Place } from '../../src/core/model';
import type { ChatPort, NamedRef } from '../../src/core/ports';
import { CONSOLE_CHANNEL, CONSOLE_TENANT, type ConsoleMessage, type ConsoleSession } from './console-session';
import { FormPrompt } from './form-prompt';
import { renderCard } from './render-card';
import type { Style } from './style';

export interface Screen {
  style: Style;
  show(lines: string[]): void;
}

export const BOT_NAME = 'Mobilise';

export function botMessageLines(message: ConsoleMessage, session: ConsoleSession, style: Style, note?: string): string[] {
  const whisper = message.whisperTo ? ` (only ${message.whisperTo.name ?? message.whisperTo.id} sees this)` : '';
  const header = `#${message.number} ${BOT_NAME} · ${session.where(message.place)}${whisper}${note ? ` ${note}` : ''}`;
  const body = message.card ? renderCard(message.card, style, session.nameOf) : [];
  return ['', style.bold(header), ...body.map((line) => `  ${line}`)];
}

export function createConsoleChat(session: ConsoleSession, screen: Screen, openForm: (prompt: FormPrompt) => void, checker?: FormChecker): ChatPort {
  const show = (message: ConsoleMessage, note?: string) =>
    screen.show(botMessageLines(message, session, screen.style, note));

  return {
    async post(place: Place, card: Card): Promise<NamedRef> {
      const message = session.botPosted(place, card);
      show(message);
      return { place, id: message.id };
    },
    async update(ref: NamedRef, card: Card): Promise<void> {
      const message = session.botUpdated(ref.id, card);
      if (message) {
        show(message, `(updated #${message.number})`);
      } else {
        // An id from before this sitting: still show it, as Slack would still update it.
        show(session.botPosted(ref.place, card), `(updated ${ref.id})`);
      }
    },
    async whisper(place: Place, to: Person, card: Card): Promise<void> {
      show(session.botWhispered(place, to, card));
    },
    async direct(to: Person, card: Card): Promise<void> {
      // The sandbox has one channel, so a direct message is shown there, marked as private.
      show(session.botWhispered({ platform: 'console', tenant: CONSOLE_TENANT, channel: CONSOLE_CHANNEL }, to, card));
    },
    async openGroup(people: Person[]): Promise<Place> {
      return session.group(people);
    },
    async openForm(trigger: string, place: Place, form: FormSpec): Promise<void> {
      openForm(new FormPrompt(form, place, session.triggeredBy(trigger), session.known(), checker));
    },
  };
}
