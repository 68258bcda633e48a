// Card text (Slack-style markdown with <@id> mentions) as Teams markdown with <at> mentions.
import { mapBold } from '../../../src/core/card-markup';
import type { MentionEntity, RenderContext } from './adaptive-card';

/** `<@id>` names a person, `<#id>` a channel; Teams ids hold colons, dashes and lower case, unlike Slack's. */
const REFERENCE = /<([@#])([^\s<>|]+)>/g;
/** Teams treats these as mention tags, so typed ones could fake a mention; it supports no other HTML. */
const TYPED_AT_TAG = /<\/?at\s*>/gi;
const LIST_ITEM = /^\s*(?:[-+*]|\d{1,9}[.)])\s/;
const TEAMS_ID_PREFIX = /^\d+:/;
const AT_ELEMENT = /<at>[^<]*<\/at>/g;
/** How people address the bot in Teams (the app's name in manifest/teams/manifest.json). */
const BOT_MENTION = '@Mobilise ';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Collects one mention entity per person named, so each `<at>` tag the card shows has its entity. */
export class Mentions {
  private readonly byId = new Map<string, MentionEntity>();

  constructor(private readonly ctx: RenderContext) {}

  /** Teams markdown for one text of the card. */
  markdown(text: string): string {
    return this.references(lines(bold(this.commands(text.replace(TYPED_AT_TAG, '')))));
  }

  /** Plain text for places markdown does not reach (input labels, choices): names without pings. */
  plain(text: string): string {
    return this.commands(text.replace(TYPED_AT_TAG, '')).replace(REFERENCE, (_all, kind: string, id: string) => (kind === '@' ? this.personName(id) : this.channel(id)));
  }

  /** Entities for the `<at>` tags that appear in the given texts, in the order first seen. */
  entitiesFor(texts: string[]): MentionEntity[] {
    const tags = new Set(texts.flatMap((t) => t.match(AT_ELEMENT) ?? []));
    return [...this.byId.values()].filter((e) => tags.has(e.text));
  }

  /** `/aar Go-live` is typed `@Mobilise aar Go-live` in Teams. */
  private commands(text: string): string {
    const names = this.ctx.commands ?? [];
    if (names.length === 0) return text;
    const slash = new RegExp(`(^|[\\s"'\`(])/(${names.map(escapeRegExp).join('|')})\\b`, 'g');
    return text.replace(slash, `$1${BOT_MENTION}$2`);
  }

  private references(text: string): string {
    return text.replace(REFERENCE, (_all, kind: string, id: string) => (kind === '@' ? this.person(id) : this.channel(id)));
  }

  private person(id: string): string {
    const name = this.knownName(id);
    if (name === undefined) return readableId(id);
    const tag = `<at>${name}</at>`;
    if (!this.byId.has(id)) this.byId.set(id, { type: 'mention', text: tag, mentioned: { id, name } });
    return tag;
  }

  private personName(id: string): string {
    return this.knownName(id) ?? readableId(id);
  }

  private knownName(id: string): string | undefined {
    // A name must not close its own tag or break across lines.
    const name = this.ctx.nameOf(id)?.replace(/[<>]/g, '').replace(/\s+/g, ' ').trim();
    return name === undefined || name === '' ? undefined : name;
  }

  private channel(id: string): string {
    const name = this.ctx.channelName?.(id)?.trim();
    return name === undefined || name === '' ? 'the channel' : `#${name}`;
  }
}

/** An id nobody could name: a short one reads as itself; a long opaque Teams id is better as "someone". */
export function readableId(id: string): string {
  const bare = id.replace(TEAMS_ID_PREFIX, '');
  return bare.length <= 20 ? bare : 'someone';
}

function bold(text: string): string {
  return mapBold(text, (inner) => `**${inner}**`);
}

/**
 * Teams' TextBlock markdown joins single newlines into one line; "\n\n" breaks the line everywhere,
 * but between two list items it would indent the second, so list items keep a single "\n".
 */
function lines(text: string): string {
  const all = text.split(/\r\n|\r|\n/).map((line) => line.trimEnd());
  let out = '';
  let previous: string | undefined;
  let blank = false;
  for (const line of all) {
    if (line === '') {
      blank = previous !== undefined;
      continue;
    }
    if (previous !== undefined) out += !blank && LIST_ITEM.test(previous) && LIST_ITEM.test(line) ? '\n' : '\n\n';
    out += line;
    previous = line;
    blank = false;
  }
  return out;
}

/** Cut to at most max characters, ending in '…', never inside an `<at>` tag or a code point. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const units: string[] = [];
  let last = 0;
  for (const match of text.matchAll(AT_ELEMENT)) {
    units.push(...text.slice(last, match.index));
    units.push(match[0]);
    last = match.index + match[0].length;
  }
  units.push(...text.slice(last));
  let out = '';
  for (const unit of units) {
    if (out.length + unit.length > max - 1) break;
    out += unit;
  }
  return `${out.trimEnd()}…`;
}
