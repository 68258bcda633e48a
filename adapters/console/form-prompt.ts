// Asks a form's fields one at a time, because a terminal has no modal to fill in; each answer is checked as it is given.
import { FORM_VALUE_FIELD, type FormField, type FormSpec } from '../../src/core/card';
import type { FormChecker } from '../../src/core/form-check';
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
    /** The form's own check, asked after each answer so only that answer is asked again. */
    private readonly checker?: FormChecker,
  ) {}

  /** The field being asked, with a starting choice that agrees with the answers already given. */
  private get field(): FormField | undefined {
    const field = this.form.fields[this.index];
    return field === undefined ? undefined : this.agreeing(field);
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
    const problem = this.problemWith(field, reading.value);
    if (problem !== undefined) return { done: false, problem };
    this.answers[field.id] = reading.value;
    this.index += 1;
    return this.index < this.form.fields.length ? { done: false } : { done: true, fields: this.result() };
  }

  /** The answers so far, the starting values of the fields not reached yet, and the form's value. */
  private result(extra: Record<string, string> = {}): Record<string, string> {
    const starting = Object.fromEntries(this.form.fields.slice(this.index).map((f) => [f.id, f.value ?? '']));
    return { ...starting, ...this.answers, ...extra, [FORM_VALUE_FIELD]: this.form.value ?? '' };
  }

  private problemWith(field: FormField, value: string): string | undefined {
    const problems = this.checker?.check(this.form.id, this.result({ [field.id]: value })) ?? [];
    const mine = problems.filter((p) => p.field === field.id).map((p) => p.message);
    return mine.length === 0 ? undefined : mine.join(' ');
  }

  /** A choice whose starting value the earlier answers rule out (6 weeks to meet, rounds every week) starts at the nearest one they allow. */
  private agreeing(field: FormField): FormField {
    const options = field.options ?? [];
    if (field.kind !== 'select' || field.value === undefined || this.problemWith(field, field.value) === undefined) return field;
    const start = Math.max(0, options.findIndex((o) => o.value === field.value));
    const nearest = [...options.slice(0, start).reverse(), ...options.slice(start + 1)].find((o) => this.problemWith(field, o.value) === undefined);
    return nearest === undefined ? field : { ...field, value: nearest.value };
  }
}
