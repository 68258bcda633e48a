// Incoming text: turn Slack's escaped markup back into what the person typed and saw.

const TOKEN = /<([^<>]*)>/g;
const SPECIAL_MENTIONS = new Set(['here', 'channel', 'everyone']);

export function decodeSlackText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    out += unescapeEntities(text.slice(last, match.index));
    out += decodeToken(match[1] ?? '');
    last = match.index + match[0].length;
  }
  return out + unescapeEntities(text.slice(last));
}

function decodeToken(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : unescapeEntities(inner.slice(bar + 1));
  // User mentions stay as they are: the core's mention() format is the same.
  if (target.startsWith('@')) return `<${target}>`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!')) return special(target.slice(1), label);
  const url = unescapeEntities(target);
  if (label === undefined || label === '' || label === url || `mailto:${label}` === url) return label || url;
  return `${label} (${url})`;
}

function special(command: string, label: string | undefined): string {
  const name = command.split('^')[0] ?? '';
  if (SPECIAL_MENTIONS.has(name)) return `@${name}`;
  // <!subteam^S1|@team>, <!date^...|fallback>: the label is what people saw.
  return label ?? `@${name}`;
}

function unescapeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
