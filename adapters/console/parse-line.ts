// Reads one typed line into what the person meant; the session decides what it does.

/** A message number as shown on screen: `4` or `#4`. */
const messageNumber = /^#?(\d+)$/;

export type ConsoleLine =
  | { kind: 'empty' }
  | { kind: 'say'; text: string }
  /** A number alone: a button on the latest card if there is one, otherwise a reply. */
  | { kind: 'number'; n: number; text: string }
  | { kind: 'press'; message?: number; button: number }
  | { kind: 'as'; name?: string }
  | { kind: 'thread'; message?: number }
  | { kind: 'channel' }
  | { kind: 'edit'; message: number; text: string }
  | { kind: 'delete'; message: number }
  | { kind: 'lessons' }
  /** Move the sandbox's clock on, so scheduled things (coffee rounds) happen now. */
  | { kind: 'later'; ms: number }
  | { kind: 'help' }
  | { kind: 'quit' }
  /** Any other slash command goes to the bot. */
  | { kind: 'command'; name: string; text: string }
  /** A console command typed wrongly; `usage` says how to type it. */
  | { kind: 'usage'; usage: string };

const HOUR_MS = 60 * 60 * 1000;
const UNIT_MS = { hour: HOUR_MS, day: 24 * HOUR_MS, week: 7 * 24 * HOUR_MS } as const;

function num(word: string | undefined): number | undefined {
  const m = word === undefined ? null : messageNumber.exec(word);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

export function parseLine(raw: string): ConsoleLine {
  const line = raw.trim();
  if (line === '') return { kind: 'empty' };
  if (/^\d+$/.test(line)) return { kind: 'number', n: Number(line), text: line };
  if (!line.startsWith('/')) return { kind: 'say', text: line };

  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(line);
  const name = (match?.[1] ?? '').toLowerCase();
  const rest = (match?.[2] ?? '').trim();
  const words = rest === '' ? [] : rest.split(/\s+/);

  switch (name) {
    case '':
      return { kind: 'usage', usage: 'Type a command straight after the slash, for example /help.' };
    case 'as':
      return rest === '' ? { kind: 'as' } : { kind: 'as', name: rest };
    case 'thread': {
      if (words.length === 0) return { kind: 'thread' };
      const message = num(words[0]);
      return message === undefined || words.length > 1
        ? { kind: 'usage', usage: 'Use /thread to list threads, or /thread <number> to go into one.' }
        : { kind: 'thread', message };
    }
    case 'channel':
      return { kind: 'channel' };
    case 'press': {
      const [a, b] = [num(words[0]), num(words[1])];
      if (words.length === 1 && a !== undefined) return { kind: 'press', button: a };
      if (words.length === 2 && a !== undefined && b !== undefined) return { kind: 'press', message: a, button: b };
      return { kind: 'usage', usage: 'Use /press <button>, or /press <message> <button> for an earlier card.' };
    }
    case 'edit': {
      const message = num(words[0]);
      const text = rest.slice((words[0] ?? '').length).trim();
      return message === undefined || text === ''
        ? { kind: 'usage', usage: 'Use /edit <message number> <new text>.' }
        : { kind: 'edit', message, text };
    }
    case 'delete': {
      const message = num(words[0]);
      return message === undefined || words.length > 1
        ? { kind: 'usage', usage: 'Use /delete <message number>.' }
        : { kind: 'delete', message };
    }
    case 'lessons':
      // Alone it lists the sandbox's library; with words it is Mobilise's own search.
      return rest === '' ? { kind: 'lessons' } : { kind: 'command', name, text: rest };
    case 'later': {
      const m = /^(\d{1,3})\s*(hour|day|week)s?$/i.exec(rest);
      const unit = m?.[2]?.toLowerCase();
      return m?.[1] === undefined || unit === undefined
        ? { kind: 'usage', usage: 'Use /later <number> hours, days or weeks, for example /later 2 weeks.' }
        : { kind: 'later', ms: Number(m[1]) * UNIT_MS[unit as keyof typeof UNIT_MS] };
    }
    case 'help':
      return { kind: 'help' };
    case 'quit':
    case 'exit':
      return { kind: 'quit' };
    default:
      return { kind: 'command', name, text: rest };
  }
}
