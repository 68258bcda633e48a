// Typed "@Sam" becomes the core's <@sam>, as Slack and Teams send a mention; names the sandbox doesn't know stay as typed.
import { mention, type Person } from '../../src/core/model';

/** A letter, digit or underscore in any script: "@Sam" must not match the start of "@Samir" or "sam@nhs.net". */
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** The known person whose whole name follows `at`, longest name first so "@Sam Jones" beats "@Sam". */
function personAt(text: string, at: number, people: readonly Person[]): { person: Person; length: number } | undefined {
  for (const person of people) {
    const name = person.name ?? person.id;
    const typed = text.slice(at + 1, at + 1 + name.length);
    if (typed.toLowerCase() === name.toLowerCase() && !isWordChar(text[at + 1 + name.length])) {
      return { person, length: 1 + name.length };
    }
  }
  return undefined;
}

export function withMentions(text: string, people: readonly Person[]): string {
  const byLength = [...people].sort((a, b) => (b.name ?? b.id).length - (a.name ?? a.id).length);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const found = text[i] === '@' && !isWordChar(text[i - 1]) ? personAt(text, i, byLength) : undefined;
    if (found) {
      out += mention(found.person);
      i += found.length;
    } else {
      out += text[i] ?? '';
      i += 1;
    }
  }
  return out;
}
