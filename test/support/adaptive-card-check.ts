// Checks a card the bot would send to Teams with the `adaptivecards` parser, plus the Teams rules it does not know.
import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';

// The package's main entry is extensionless ESM that Node cannot load; its UMD bundle is the same code and needs no DOM to parse.
const AC = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

/** The newest Adaptive Card version Teams renders. */
export const TEAMS_MAX_VERSION = '1.5';
/** Teams refuses a message over about 28 KB; the card alone must leave room for the activity around it. */
export const TEAMS_CARD_BYTES = 28 * 1024;

const PEOPLE_DATASETS = new Set(['graph.microsoft.com/users', 'graph.microsoft.com/users?scope=currentContext']);
/** Properties Teams reads that the parser does not model. */
const TEAMS_CARD_PROPERTIES = new Set(['msteams']);
/** Child collections the parser reads by hand rather than through a type's schema. */
const CHILD_KEYS: Record<string, string[]> = {
  AdaptiveCard: ['body', 'actions'],
  Container: ['items'],
  Column: ['items'],
  ColumnSet: ['columns'],
  ActionSet: ['actions'],
  Table: ['rows', 'columns'],
  TableRow: ['cells'],
  TableCell: ['items'],
};
const AT_TAG = /<at>([^<]*)<\/at>/g;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every problem found, in words; an empty list means Teams should render the card as sent. */
export function adaptiveCardProblems(json: unknown): string[] {
  if (!isObject(json)) return ['the card is not a JSON object'];
  const problems: string[] = [];
  if (json.type !== 'AdaptiveCard') problems.push(`type is ${String(json.type)}, not AdaptiveCard`);
  const version = typeof json.version === 'string' ? AC.Version.parse(json.version, new AC.SerializationContext()) : undefined;
  if (version === undefined || !version.isValid) return [...problems, `version ${String(json.version)} is not a card version`];
  const teamsMax = AC.Version.parse(TEAMS_MAX_VERSION, new AC.SerializationContext());
  if (teamsMax !== undefined && version.compareTo(teamsMax) > 0) problems.push(`version ${version.toString()} is newer than Teams renders (${TEAMS_MAX_VERSION})`);
  const size = Buffer.byteLength(JSON.stringify(json));
  if (size > TEAMS_CARD_BYTES) problems.push(`the card is ${size} bytes, over Teams' ${TEAMS_CARD_BYTES}`);

  const pickers = peoplePickerIds(json);
  const context = new AC.SerializationContext(version);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    // Teams documents choices.data (its people picker) on cards older than the parser's 1.6.
    if (pickers.size > 0 && event.message.includes('"choices.data"')) continue;
    problems.push(`parse: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    const id = event.source instanceof AC.CardObject ? event.source.id : undefined;
    // A people picker's choices come from Teams' directory, so it has none of its own.
    if (id !== undefined && pickers.has(id) && event.event === AC.ValidationEvent.CollectionCantBeEmpty) continue;
    problems.push(`validate: ${event.message}`);
  }
  problems.push(...unknownProperties(json, version), ...inputProblems(json), ...mentionProblems(json));
  return problems;
}

/** Throws with every problem listed, so a failing test says what is wrong with the card. */
export function expectValidAdaptiveCard(json: unknown): void {
  const problems = adaptiveCardProblems(json);
  if (problems.length > 0) throw new Error(`invalid Adaptive Card:\n- ${problems.join('\n- ')}\n${JSON.stringify(json, null, 2)}`);
}

/** Each object with a `type` in the card's element and action trees, the card itself first. */
function typedObjects(json: Json): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      if (typeof value.type === 'string') out.push(value);
      for (const key of ['body', 'items', 'columns', 'actions', 'card', 'selectAction', 'inlineAction']) visit(value[key]);
    }
  };
  visit(json);
  return out;
}

function peoplePickerIds(json: Json): Set<string> {
  const ids = new Set<string>();
  for (const object of typedObjects(json)) {
    const data = object['choices.data'];
    if (object.type !== 'Input.ChoiceSet' || !isObject(data) || typeof object.id !== 'string') continue;
    if (data.type === 'Data.Query' && typeof data.dataset === 'string' && PEOPLE_DATASETS.has(data.dataset)) ids.add(object.id);
  }
  return ids;
}

function schemaNames(object: AdaptiveCardsModule.SerializableObject): Set<string> {
  const schema = object.getSchema();
  const names = new Set<string>();
  for (let i = 0; i < schema.getCount(); i++) names.add(schema.getItemAt(i).name);
  return names;
}

/** The parser silently drops properties it does not know, so a misspelt one would vanish in Teams too. */
function unknownProperties(json: Json, version: AdaptiveCardsModule.Version): string[] {
  const problems: string[] = [];
  const fact = schemaNames(new AC.Fact());
  const choice = schemaNames(new AC.Choice());
  for (const object of typedObjects(json)) {
    const type = String(object.type);
    let known: Set<string>;
    if (object === json) known = new Set([...schemaNames(new AC.AdaptiveCard()), ...TEAMS_CARD_PROPERTIES]);
    else {
      const instance = type.startsWith('Action.') ? AC.GlobalRegistry.actions.createInstance(type, version) : AC.GlobalRegistry.elements.createInstance(type, version);
      if (instance === undefined) continue; // the parser has reported the unknown type
      known = schemaNames(instance);
    }
    for (const key of CHILD_KEYS[type] ?? []) known.add(key);
    for (const key of Object.keys(object)) if (!known.has(key)) problems.push(`${type} has an unknown property "${key}"`);
    const nested: [string, Set<string>][] = [
      ['facts', fact],
      ['choices', choice],
    ];
    for (const [key, names] of nested) {
      const items = object[key];
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        if (!isObject(item)) problems.push(`${type}.${key} holds a non-object`);
        else for (const name of Object.keys(item)) if (!names.has(name)) problems.push(`${type}.${key} item has an unknown property "${name}"`);
      }
    }
  }
  return problems;
}

/** Teams merges inputs into the submitted data by id, so ids must exist, differ, and the data must be an object. */
function inputProblems(json: Json): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const object of typedObjects(json)) {
    const type = String(object.type);
    if (type.startsWith('Input.')) {
      if (typeof object.id !== 'string' || object.id === '') problems.push(`${type} has no id`);
      else if (seen.has(object.id)) problems.push(`input id "${object.id}" is used twice`);
      else seen.add(object.id);
    }
    if ((type === 'Action.Submit' || type === 'Action.Execute') && object.data !== undefined && !isObject(object.data)) {
      problems.push(`${type} "${String(object.title)}" has data that is not an object, so inputs cannot be merged into it`);
    }
  }
  return problems;
}

/** Teams pings only through an entity whose text matches an <at> tag in the card, and one without a tag fails. */
function mentionProblems(json: Json): string[] {
  const problems: string[] = [];
  const tags = new Set(stringsIn(json.body).flatMap((text) => [...text.matchAll(AT_TAG)].map((m) => m[0])));
  const msteams = json.msteams;
  const entities = isObject(msteams) && Array.isArray(msteams.entities) ? msteams.entities : [];
  const covered = new Set<string>();
  for (const entity of entities) {
    const mentioned = isObject(entity) ? entity.mentioned : undefined;
    if (!isObject(entity) || entity.type !== 'mention' || typeof entity.text !== 'string' || !isObject(mentioned)) {
      problems.push(`msteams.entities holds something that is not a mention: ${JSON.stringify(entity)}`);
      continue;
    }
    if (typeof mentioned.id !== 'string' || mentioned.id === '' || typeof mentioned.name !== 'string') {
      problems.push(`mention ${entity.text} has no mentioned id and name`);
    }
    if (!tags.has(entity.text)) problems.push(`mention entity ${entity.text} has no matching <at> tag in the card`);
    covered.add(entity.text);
  }
  for (const tag of tags) if (!covered.has(tag)) problems.push(`${tag} in the card has no mention entity`);
  return problems;
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  return isObject(value) ? Object.values(value).flatMap(stringsIn) : [];
}
