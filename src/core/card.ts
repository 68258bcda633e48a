// A small card tree that each adapter renders (Block Kit, Adaptive Card, plain text).
import type { Person } from './model';

export interface Button {
  /** Action id, '<flow>:<verb>', comes back as Inbound.action. */
  action: string;
  label: string;
  value?: string;
  style?: 'primary' | 'danger';
}

/**
 * An offer to meet these people: where a platform cannot open a group conversation itself (Teams), it renders
 * links to start a chat and to schedule a meeting; where the people are already together (a Slack group DM), nothing.
 */
export interface MeetBlock {
  type: 'meet';
  people: Person[];
  /** The chat's topic and the meeting's subject. */
  topic: string;
  /** A suggested slot, ISO 8601. */
  start?: string;
  end?: string;
}

export type Block =
  | MeetBlock
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'buttons'; buttons: Button[] }
  | { type: 'divider' }
  | { type: 'context'; text: string };

/** text is the plain fallback (notifications, screen readers, console) and is always present. */
export interface Card {
  text: string;
  blocks: Block[];
}

export interface FormOption {
  value: string;
  label: string;
}

/**
 * One input of a form. `text` (the default) is free text; `select` offers `options` and returns the
 * chosen option's value; `checkbox` returns 'true' or 'false'; `person` picks someone in the organisation
 * and returns their platform id. `value` is the initial value.
 */
export interface FormField {
  id: string;
  label: string;
  kind?: 'text' | 'select' | 'checkbox' | 'person';
  options?: FormOption[];
  value?: string;
  multiline?: boolean;
  optional?: boolean;
  /** Maximum length the platform should allow. */
  maxLength?: number;
  /** A line under the input saying what it is for. */
  hint?: string;
  /** What was wrong with the answer last sent, shown with the field when the form is shown again. */
  problem?: string;
}

/** A modal (Slack) or task module (Teams); platforms without one ask in the thread instead. */
export interface FormSpec {
  /** Form id, '<flow>:<name>', comes back as Inbound.form. */
  id: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
  /** Opaque value returned with the submission (e.g. which lesson is being edited). */
  value?: string;
}

export function card(text: string, ...blocks: Block[]): Card {
  return { text, blocks };
}

/** Field id under which a submitted form carries its FormSpec.value back. */
export const FORM_VALUE_FIELD = '_value';
