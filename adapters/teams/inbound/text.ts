// Incoming text: Teams sends a light HTML with <at>…</at> mentions; the core wants what the person typed, mentions as <@ID>.
import type { TeamsActivity } from '../activity';

export interface ReadText {
  text: string;
  /** The message @mentioned the bot (needed in channels and group chats, where Teams only sends such messages). */
  mentionsBot: boolean;
}

const TAG = /<\/?[a-zA-Z][^<>]*>/g;
const LINE_BREAK = /<br\s*\/?>|<\/(p|div|li|h[1-6])>/gi;
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

export function readText(a: TeamsActivity): ReadText {
  let text = a.text ?? '';
  let mentionsBot = false;
  const kept: string[] = [];
  for (const entity of a.entities ?? []) {
    if (entity.type !== 'mention' || entity.text === undefined || entity.mentioned === undefined) continue;
    if (entity.mentioned.id === a.recipient.id) {
      mentionsBot ||= text.includes(entity.text);
      text = text.split(entity.text).join(' ');
      continue;
    }
    // A private-use placeholder survives the tag stripping below; it becomes the core's mention at the end.
    kept.push(entity.mentioned.id);
    text = text.split(entity.text).join(`\uE000${kept.length - 1}\uE001`);
  }
  const plain = decodeEntities(text.replace(LINE_BREAK, '\n').replace(TAG, ''))
    .replace(PLACEHOLDER, (_, i: string) => `<@${kept[Number(i)] ?? ''}>`)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text: plain, mentionsBot };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return codePoint(Number.parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return codePoint(Number.parseInt(name.slice(1), 10), whole);
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

function codePoint(n: number, fallback: string): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}
