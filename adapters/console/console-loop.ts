// Acts on each typed line: sandbox commands are handled here, everything else becomes an Inbound.
import type { Inbound } from '../../src/core/model';
import type { InboundHandler } from '../../src/core/inbound-handler';
import type { Lesson } from '../../src/lessons/lesson';
import type { Screen } from './console-chat';
import type { ConsoleMessage, ConsoleSession } from './console-session';
import { CONSOLE_TENANT } from './console-session';
import { FormQueue } from './form-queue';
import { helpText } from './help-text';
import { withMentions } from './mentions';
import { parseLine } from './parse-line';
import { buttonsOf } from './render-card';
import { renderLessons } from './render-lessons';

export interface LessonList {
  list(tenant: string): Promise<Lesson[]>;
}

/** One line, so a failure reads as a message rather than a stack trace. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() || 'unknown error';
}

function preview(message: ConsoleMessage | undefined): string {
  const card = message?.card;
  const heading = card?.blocks.find((b) => b.type === 'heading');
  const text = heading?.type === 'heading' ? heading.text : (card?.text ?? message?.text ?? '');
  const first = text.split('\n')[0] ?? '';
  return first.length > 60 ? `${first.slice(0, 57)}...` : first;
}

export class ConsoleLoop {
  readonly forms: FormQueue;

  constructor(
    private readonly session: ConsoleSession,
    private readonly screen: Screen,
    private readonly handler: InboundHandler,
    private readonly lessons: LessonList,
    /** Moves the sandbox clock on by ms and runs whatever fell due; resolves with the new time. */
    private readonly later?: (ms: number) => Promise<Date>,
  ) {
    this.forms = new FormQueue(screen, (event) => this.send(event), () => session.deliveryId());
  }

  /** What the prompt shows: who is speaking, and where. */
  promptText(): string {
    if (this.forms.isOpen) return '  answer> ';
    const where = this.session.thread === undefined ? '' : ` · ${this.session.where(this.session.currentPlace())}`;
    return `${this.session.speaker.name ?? this.session.speaker.id}${where}> `;
  }

  /** Handles one typed line; false means the person asked to leave. */
  async line(raw: string): Promise<boolean> {
    if (this.forms.isOpen) return this.forms.line(raw);
    const parsed = parseLine(raw);
    switch (parsed.kind) {
      case 'empty':
        return true;
      case 'say':
        await this.say(parsed.text);
        return true;
      case 'number': {
        const latest = this.session.latestButtons();
        const count = latest?.card ? buttonsOf(latest.card).length : 0;
        if (latest && parsed.n >= 1 && parsed.n <= count) await this.press(latest, parsed.n);
        else await this.say(parsed.text);
        return true;
      }
      case 'press':
        await this.pressTyped(parsed.message, parsed.button);
        return true;
      case 'as':
        this.switchSpeaker(parsed.name);
        return true;
      case 'thread':
        if (parsed.message === undefined) this.listThreads();
        else this.enterThread(parsed.message);
        return true;
      case 'channel':
        this.session.thread = undefined;
        this.tell(`You are now in #${this.session.channelPlace().channel}.`);
        return true;
      case 'edit':
        await this.edit(parsed.message, parsed.text);
        return true;
      case 'delete':
        await this.remove(parsed.message);
        return true;
      case 'lessons':
        await this.showLessons();
        return true;
      case 'later':
        await this.skipAhead(parsed.ms);
        return true;
      case 'help':
        this.screen.show(helpText());
        return true;
      case 'quit':
        return false;
      case 'command':
        await this.send({
          kind: 'command',
          name: parsed.name,
          text: this.mentioned(parsed.text),
          from: this.session.speaker,
          // Slack sends slash commands from the channel, never a thread; the sandbox does the same.
          place: this.session.channelPlace(),
          deliveryId: this.session.deliveryId(),
          trigger: this.session.trigger(this.session.speaker),
        });
        return true;
      case 'usage':
        this.tell(parsed.usage);
        return true;
    }
  }

  private tell(...lines: string[]): void {
    this.screen.show(lines);
  }

  /** What the core is given: the text as typed, with @names of people the sandbox knows as mentions. */
  private mentioned(text: string): string {
    return withMentions(text, this.session.known());
  }

  private async send(event: Inbound): Promise<void> {
    try {
      await this.handler.handle(event);
    } catch (error) {
      this.tell(`Mobilise could not handle that: ${oneLine(error)}`);
    }
  }

  private async say(text: string): Promise<void> {
    const message = this.session.said(text);
    this.showPersonMessage(message);
    const parent = message.place.thread === undefined ? this.session.latestTopLevel() : undefined;
    if (parent) this.tell(this.screen.style.dim(`  (That went to the channel. To answer in a thread, type /thread ${parent.number}.)`));
    await this.send({
      kind: 'reply',
      text: this.mentioned(text),
      from: this.session.speaker,
      place: message.place,
      deliveryId: this.session.deliveryId(),
      messageId: message.id,
    });
  }

  private showPersonMessage(message: ConsoleMessage, note = ''): void {
    const who = message.author?.name ?? message.author?.id ?? '';
    const header = `#${message.number} ${who} · ${this.session.where(message.place)}${note}`;
    this.screen.show(['', this.screen.style.bold(header), `  ${message.text ?? ''}`]);
  }

  private async pressTyped(number: number | undefined, button: number): Promise<void> {
    const message = number === undefined ? this.session.latestButtons() : this.session.message(number);
    if (!message) {
      this.tell(number === undefined ? 'There are no buttons to press yet.' : `There is no message #${number}.`);
      return;
    }
    await this.press(message, button);
  }

  private async press(message: ConsoleMessage, n: number): Promise<void> {
    const buttons = message.card && !message.deleted ? buttonsOf(message.card) : [];
    if (buttons.length === 0) {
      this.tell(`Message #${message.number} has no buttons.`);
      return;
    }
    if (!this.session.canSee(message, this.session.speaker)) {
      const owner = message.whisperTo?.name ?? message.whisperTo?.id ?? '';
      this.tell(`Only ${owner} can see message #${message.number}. Use /as ${owner} first.`);
      return;
    }
    const button = buttons[n - 1];
    if (!button) {
      this.tell(`Message #${message.number} has buttons 1 to ${buttons.length}.`);
      return;
    }
    const speaker = this.session.speaker;
    this.tell(`${speaker.name ?? speaker.id} pressed "${button.label}" on #${message.number}.`);
    await this.send({
      kind: 'action',
      action: button.action,
      ...(button.value === undefined ? {} : { value: button.value }),
      from: speaker,
      // As on Slack, a button on a top-level card belongs to the thread rooted at that card.
      place: message.place.thread === undefined ? { ...message.place, thread: message.id } : message.place,
      deliveryId: this.session.deliveryId(),
      trigger: this.session.trigger(speaker),
    });
  }

  private switchSpeaker(name: string | undefined): void {
    if (name === undefined) {
      const others = this.session.others();
      const could = others.length > 0 ? ` You could also be ${others.join(', ')}, or anyone else:` : ' To be someone else, type';
      this.tell(`You are ${this.session.speaker.name ?? this.session.speaker.id}.${could} /as <name>`);
      return;
    }
    this.session.speaker = this.session.person(name);
    this.tell(`You are now ${this.session.speaker.name ?? this.session.speaker.id}.`);
  }

  private listThreads(): void {
    const threads = this.session.threads();
    if (threads.length === 0) {
      this.tell('There are no threads yet. Start one with /aar <title>.');
      return;
    }
    this.tell(
      'Threads:',
      ...threads.map(({ id, parent }) => {
        const here = id === this.session.thread ? '  (you are here)' : '';
        return `  ${parent ? `#${parent.number}` : id} ${preview(parent)}${here}`;
      }),
      'Type /thread <number> to go into one, or /channel to leave.',
    );
  }

  private enterThread(number: number): void {
    const message = this.session.message(number);
    if (!message) {
      this.tell(`There is no message #${number}.`);
      return;
    }
    if (message.whisperTo) {
      this.tell(`Message #${number} is private, so it cannot have a thread.`);
      return;
    }
    this.session.enterThread(message.place.thread ?? message.id);
    this.tell(`You are now in ${this.session.where(this.session.currentPlace())}. /channel leaves it.`);
  }

  /** Only the author may change a message, as on Slack and Teams. */
  private ownMessage(number: number): ConsoleMessage | undefined {
    const message = this.session.message(number);
    const speaker = this.session.speaker;
    if (!message) this.tell(`There is no message #${number}.`);
    else if (!message.author) this.tell(`Message #${number} is from Mobilise. You can only change your own messages.`);
    else if (message.author.id !== speaker.id) {
      const author = message.author.name ?? message.author.id;
      this.tell(`Only ${author} can change message #${number}. Use /as ${author} first.`);
    } else if (message.deleted) this.tell(`Message #${number} has been deleted.`);
    else return message;
    return undefined;
  }

  private async edit(number: number, text: string): Promise<void> {
    const message = this.ownMessage(number);
    if (!message) return;
    message.text = text;
    this.showPersonMessage(message, ' (edited)');
    await this.send({
      kind: 'reply-edited',
      text: this.mentioned(text),
      from: this.session.speaker,
      place: message.place,
      deliveryId: this.session.deliveryId(),
      messageId: message.id,
    });
  }

  private async remove(number: number): Promise<void> {
    const message = this.ownMessage(number);
    if (!message) return;
    message.deleted = true;
    this.tell(`Message #${number} deleted.`);
    await this.send({ kind: 'reply-deleted', place: message.place, deliveryId: this.session.deliveryId(), messageId: message.id });
  }

  private async skipAhead(ms: number): Promise<void> {
    if (!this.later) {
      this.tell('This sandbox cannot move its clock.');
      return;
    }
    const now = await this.later(ms);
    this.session.movedOnMs += ms;
    this.tell(`It is now ${now.toLocaleString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })} (UK time).`);
  }

  private async showLessons(): Promise<void> {
    try {
      this.screen.show(renderLessons(await this.lessons.list(CONSOLE_TENANT), this.screen.style));
    } catch (error) {
      this.tell(`Could not read the lessons: ${oneLine(error)}`);
    }
  }
}
