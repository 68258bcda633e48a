// The Adaptive Card JSON this adapter sends, as types: only the parts we use, in the shape Teams reads.
import type { MeetBlock } from '../../../src/core/card';

/** Teams renders Adaptive Cards up to 1.5 on desktop, web and mobile. */
export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface MentionEntity {
  type: 'mention';
  /** Exactly the `<at>Name</at>` tag it stands for. */
  text: string;
  mentioned: { id: string; name: string };
}

/** What the renderer needs from the adapter: names it has looked up, and meeting links it has built. */
export interface RenderContext {
  nameOf(personId: string): string | undefined;
  /** A link that is missing leaves its button out. */
  meetLinks(block: MeetBlock): { chat?: string; meeting?: string };
  /** A channel's display name, for `<#id>` links; without one the text says "the channel". */
  channelName?(channelId: string): string | undefined;
  /** Command names (`aar`, `coffee`…): card text writes them as Slack slash commands, Teams people @mention the bot. */
  commands?: readonly string[];
}

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Large';
  weight?: 'Bolder';
  isSubtle?: true;
  /** 'Attention' is the card's own colour for something wrong. */
  color?: 'Attention';
  style?: 'heading';
  spacing?: 'None' | 'Small';
  separator?: true;
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
  separator?: true;
}

/** What a button or a form's submit sends back; Teams adds a form's input values beside these keys. */
export type SubmitData =
  | { mobilise: 'action'; action: string; value?: string }
  /**
   * `people`: the fields answered with the people picker, which gives a Microsoft Entra object id rather than a Teams id.
   * `asked`: a token for where the form was asked for (kept by the adapter, so a tampered card cannot move it).
   */
  | { mobilise: 'form'; form: string; value?: string; people?: string[]; asked?: string };

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: SubmitData;
  style?: 'positive' | 'destructive';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = SubmitAction | OpenUrlAction;

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
  separator?: true;
}

interface InputBase {
  id: string;
  label: string;
  isRequired?: true;
  errorMessage?: string;
}

export interface TextInput extends InputBase {
  type: 'Input.Text';
  value?: string;
  isMultiline?: true;
  maxLength?: number;
}

export interface ChoiceSetInput extends InputBase {
  type: 'Input.ChoiceSet';
  style: 'compact';
  isMultiSelect?: false;
  choices: { title: string; value: string }[];
  value?: string;
  /** Teams' people picker: choices come from the organisation's directory. */
  'choices.data'?: { type: 'Data.Query'; dataset: 'graph.microsoft.com/users' };
}

export interface ToggleInput extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value: 'true' | 'false';
  valueOn: 'true';
  valueOff: 'false';
}

export type CardInput = TextInput | ChoiceSetInput | ToggleInput;
export type CardElement = TextBlock | FactSet | ActionSet | CardInput;

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: typeof CARD_VERSION;
  /** Plain words for a client that cannot draw the card. */
  fallbackText?: string;
  body: CardElement[];
  actions?: CardAction[];
  msteams: { width: 'Full'; entities?: MentionEntity[] };
}

export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_TYPE;
  content: AdaptiveCardJson;
}

/**
 * One Teams message: the card alone, or plain text alone. Teams splits an activity carrying text and an attachment
 * into two messages, answers 202 with no id and then refuses to update either (microsoft/msteams-docs#1646).
 */
export type TeamsMessage = TeamsCardMessage | TeamsTextMessage;

export interface TeamsCardMessage {
  kind: 'card';
  /** What a notification or a preview shows instead of "sent a card": the card's plain words, cut short. */
  summary: string;
  attachments: [CardAttachment];
}

export interface TeamsTextMessage {
  kind: 'text';
  /** Teams markdown, with `<at>` tags for the entities. */
  text: string;
  entities: MentionEntity[];
}

export function adaptiveCard(body: CardElement[], entities: MentionEntity[], actions?: CardAction[], fallbackText?: string): AdaptiveCardJson {
  const msteams: AdaptiveCardJson['msteams'] = entities.length > 0 ? { width: 'Full', entities } : { width: 'Full' };
  const json: AdaptiveCardJson = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, msteams };
  if (fallbackText !== undefined && fallbackText !== '') json.fallbackText = fallbackText;
  if (actions !== undefined && actions.length > 0) json.actions = actions;
  return json;
}

export function cardMessage(summary: string, card: AdaptiveCardJson): TeamsCardMessage {
  return { kind: 'card', summary, attachments: [{ contentType: ADAPTIVE_CARD_TYPE, content: card }] };
}

export function textMessage(text: string, entities: MentionEntity[]): TeamsTextMessage {
  return { kind: 'text', text, entities };
}
