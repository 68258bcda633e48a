// Asks a form's fields one at a time, because a terminal has no modal to fill in.
import { FORM_VALUE_FIELD, type FormField, type FormSpec } from '../../src/core/card';
import type { Person, Place } from '../../src/core/model';
import { fieldPrompt, readField } from './form-field-prompt';

export type FormAnswer =
  | { done: false; problem?: string }
  | { done: true; fields: Record<string, string> };

export class FormPrompt {
  private index = 0;
  private readonly answers: Record<string, string> = {};

  constructor(
    readonly form: FormSpec,
    readonly place: Place,
    readonly from: Person,
    /** Who a person field may name: the people the sandbox knows. */
    private readonly people: readonly Person[] = [],
  ) {}

  private get field(): FormField | undefined {
    return this.form.fields[this.index];
  }

  /** The line that introduces the form; the first question follows. */
  intro(): string {
    return `${this.form.title} (a form for ${this.from.name ?? this.from.id}; /cancel closes it without sending)`;
  }

  question(): string[] {
    const field = this.field;
    if (!field) return ['Press Enter to send it.'];
    return [`(${this.index + 1} of ${this.form.fields.length}) ${field.label}`, ...fieldPrompt(field, this.people)];
  }

  answer(line: string): FormAnswer {
    const field = this.field;
    if (!field) return { done: true, fields: this.result() };
    const reading = readField(field, line, this.people);
    if ('problem' in reading) return { done: false, problem: reading.problem };
    this.answers[field.id] = reading.value;
    this.index += 1;
    return this.index < this.form.fields.length ? { done: false } : { done: true, fields: this.result() };
  }

  private result(): Record<string, string> {
    return { ...this.answers, [FORM_VALUE_FIELD]: this.form.value ?? '' };
  }
}
