// Forms wait their turn: while one is open, every typed line answers it, except a sandbox command, which is refused.
import type { Inbound } from '../../src/core/model';
import type { Screen } from './console-chat';
import type { FormPrompt } from './form-prompt';

export const FORM_OPEN_NOTE =
  'A form is open, so sandbox commands wait: answer the question below, or type /cancel to close the form first. ' +
  '(To give an answer that starts with "/", type a space before it.)';

export class FormQueue {
  private readonly forms: FormPrompt[] = [];
  private readonly asked = new WeakSet<FormPrompt>();

  constructor(
    private readonly screen: Screen,
    private readonly send: (event: Inbound) => Promise<void>,
    private readonly deliveryId: () => string,
  ) {}

  get isOpen(): boolean {
    return this.forms.length > 0;
  }

  /** Called by the chat port when the core opens a form. */
  add = (prompt: FormPrompt): void => {
    this.forms.push(prompt);
    this.askNext();
  };

  /** Answers the open form; false means the person asked to leave. */
  async line(raw: string): Promise<boolean> {
    const form = this.forms[0];
    if (!form) return true;
    const typed = raw.trim().toLowerCase();
    if (typed === '/quit' || typed === '/exit') return false;
    if (typed === '/cancel') {
      this.forms.shift();
      this.screen.show(['Form closed without sending.']);
      this.askNext();
      return true;
    }
    // "/as Priya" meant for the sandbox must not become an answer; a leading space sends a real answer that starts with "/".
    if (raw.startsWith('/')) {
      this.screen.show([FORM_OPEN_NOTE, ...form.question()]);
      return true;
    }
    const answer = form.answer(raw);
    if (!answer.done) {
      this.screen.show([...(answer.problem ? [answer.problem] : []), ...form.question()]);
      return true;
    }
    this.forms.shift();
    this.screen.show(['Form sent.']);
    await this.send({
      kind: 'form',
      form: form.form.id,
      fields: answer.fields,
      from: form.from,
      place: form.place,
      deliveryId: this.deliveryId(),
    });
    this.askNext();
    return true;
  }

  private askNext(): void {
    const form = this.forms[0];
    if (!form || this.asked.has(form)) return;
    this.asked.add(form);
    this.screen.show(['', this.screen.style.bold(form.intro()), ...form.question()]);
  }
}
