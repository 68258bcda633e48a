// Reads what someone typed after /cop into a command, or a message naming what was wrong.
import { IANAZone } from 'luxon';
import { describeFindings, guardText } from '../privacy';
import { listOf } from '../core/wording';
import { weekdayNamed } from '../dates/day';

export type CopCommand =
  | { verb: 'help' }
  | { verb: 'status' }
  | { verb: 'archive' }
  | { verb: 'create'; name: string; tags: string[] }
  | { verb: 'tags'; tags: string[] }
  | { verb: 'owner'; ownerId: string }
  | { verb: 'co-owner'; ownerId: string; remove: boolean }
  | { verb: 'digest'; weekday: number; time: string; timeZone?: string }
  | { verb: 'invalid'; message: string };

type Invalid = Extract<CopCommand, { verb: 'invalid' }>;

const VERBS = ['create', 'status', 'tags', 'owner', 'co-owner', 'digest', 'archive', 'help'];
export const NAME_MAX_LENGTH = 80;
export const MAX_TAGS = 10;

const CREATE_EXAMPLE = 'For example: /cop create Sepsis champions #sepsis #deterioration';
const TAGS_EXAMPLE = 'For example: /cop tags #sepsis #deterioration';
const OWNER_EXAMPLE = 'For example: /cop owner @Sam';
const CO_OWNER_EXAMPLE = 'For example: /cop co-owner @Sam, or /cop co-owner remove @Sam';
const DIGEST_EXAMPLE = 'For example: /cop digest friday 16:00, or /cop digest monday 09:00 Europe/London';

// Letters, digits and hyphens, with at least one letter (as the lessons' #hashtags); trailing punctuation is not part of it.
const TAG = /^#([\p{L}\p{N}-]+)[.,;:!?]*$/u;
// Slack sends a mention as <@U123> (or <@U123|name>) when the command escapes its text.
const MENTION = /^<@([^<>|\s]+)(?:\|[^<>]*)?>$/;
const CLOCK = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i;

function invalid(message: string): Invalid {
  return { verb: 'invalid', message };
}

function verbList(): string {
  return listOf(VERBS);
}

/** The tags among the words, lower case and each once; or what is wrong with one. */
function readTags(words: string[], example: string): string[] | Invalid {
  const tags: string[] = [];
  for (const word of words) {
    const tag = (TAG.exec(word)?.[1] ?? '').toLowerCase().replace(/^-+|-+$/g, '');
    if (!/\p{L}/u.test(tag)) return invalid(`"${word}" isn't a tag I can use: tags have letters, digits and hyphens, like #handover. ${example}`);
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length === 0) return invalid(`Please give at least one #tag: the community's domain is its tags. ${example}`);
  if (tags.length > MAX_TAGS) return invalid(`A community can have up to ${MAX_TAGS} tags, and that's ${tags.length}. ${example}`);
  return tags;
}

/** Patient identifiers never become part of a name that every digest repeats. */
function guarded(text: string, what: string): Invalid | undefined {
  const { findings } = guardText(text);
  if (findings.length === 0) return undefined;
  return invalid(`I haven't ${what}: it seems to contain ${describeFindings(findings)}. Please leave out anything that could identify a patient and try again.`);
}

function parseCreate(args: string): CopCommand {
  const refused = guarded(args, 'created the community');
  if (refused) return refused;
  const words = args.split(/\s+/).filter((w) => w !== '');
  const name = words.filter((w) => !w.startsWith('#')).join(' ');
  if (name === '') return invalid(`Please give the community a name before its tags. ${CREATE_EXAMPLE}`);
  if (name.length > NAME_MAX_LENGTH) {
    return invalid(`Names can be up to ${NAME_MAX_LENGTH} characters, and that one has ${name.length}. ${CREATE_EXAMPLE}`);
  }
  const tags = readTags(words.filter((w) => w.startsWith('#')), CREATE_EXAMPLE);
  return Array.isArray(tags) ? { verb: 'create', name, tags } : tags;
}

function parseTags(args: string): CopCommand {
  const refused = guarded(args, 'changed the tags');
  if (refused) return refused;
  const words = args.split(/\s+/).filter((w) => w !== '');
  const tags = readTags(words, TAGS_EXAMPLE);
  return Array.isArray(tags) ? { verb: 'tags', tags } : tags;
}

function parseOwner(args: string): CopCommand {
  if (args === '') return invalid(`Please say who should look after the community. ${OWNER_EXAMPLE}`);
  const id = MENTION.exec(args)?.[1];
  if (id === undefined) return invalid(`Please mention one person with @, so I know exactly who "${args}" is. ${OWNER_EXAMPLE}`);
  return { verb: 'owner', ownerId: id };
}

function parseCoOwner(args: string): CopCommand {
  const [first = '', ...rest] = args.split(/\s+/).filter((w) => w !== '');
  const remove = first.toLowerCase() === 'remove';
  const who = remove ? rest.join(' ') : args;
  if (who === '') return invalid(`Please say who should look after the community with you. ${CO_OWNER_EXAMPLE}`);
  const id = MENTION.exec(who)?.[1];
  if (id === undefined) return invalid(`Please mention one person with @, so I know exactly who "${who}" is. ${CO_OWNER_EXAMPLE}`);
  return { verb: 'co-owner', ownerId: id, remove };
}

/** "Friday", "Fri" and "Fridays" all name Friday. */
function readWeekday(word: string): number | undefined {
  return weekdayNamed(word) ?? weekdayNamed(word.replace(/s$/i, ''));
}

/** '16:00', '9:30', '9am' and '4.30pm' all read as HH:mm. */
function readClock(word: string): string | undefined {
  const m = CLOCK.exec(word);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (m[2] === undefined && half === undefined) return undefined;
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The zone's own spelling ('europe/london' is Europe/London), or undefined when it is not one. */
function readZone(text: string): string | undefined {
  if (!IANAZone.isValidZone(text)) return undefined;
  return new Intl.DateTimeFormat('en-GB', { timeZone: text }).resolvedOptions().timeZone;
}

function parseDigest(args: string): CopCommand {
  const [dayWord = '', clockWord = '', ...rest] = args.split(/\s+/).filter((w) => w !== '');
  if (dayWord === '' || clockWord === '') return invalid(`Please give a day and a time for the digest. ${DIGEST_EXAMPLE}`);
  const weekday = readWeekday(dayWord);
  if (weekday === undefined) return invalid(`"${dayWord}" isn't a day of the week. ${DIGEST_EXAMPLE}`);
  const time = readClock(clockWord);
  if (time === undefined) return invalid(`"${clockWord}" isn't a time I can read: please use the 24-hour clock, like 16:00. ${DIGEST_EXAMPLE}`);
  if (rest.length === 0) return { verb: 'digest', weekday, time };
  const zoneText = rest.join(' ');
  const timeZone = readZone(zoneText);
  if (timeZone === undefined) return invalid(`"${zoneText}" isn't a time zone I know; zones are written like Europe/London. ${DIGEST_EXAMPLE}`);
  return { verb: 'digest', weekday, time, timeZone };
}

export function parseCopCommand(text: string): CopCommand {
  const [, word = '', rest = ''] = /^(\S*)\s*([\s\S]*)$/.exec(text.trim()) ?? [];
  const verb = word.toLowerCase();
  const args = rest.trim();
  switch (verb) {
    case '':
    case 'help':
      return { verb: 'help' };
    case 'create':
      return parseCreate(args);
    case 'tags':
      return parseTags(args);
    case 'owner':
      return parseOwner(args);
    case 'co-owner':
    case 'coowner':
      return parseCoOwner(args);
    case 'digest':
      return parseDigest(args);
    case 'status':
    case 'archive':
      return args === '' ? { verb } : invalid(`/cop ${verb} doesn't take anything after it. Try /cop ${verb} on its own.`);
    default:
      return invalid(`I don't know "/cop ${word}". I understand ${verbList()}. Try /cop help to see what each one does.`);
  }
}
