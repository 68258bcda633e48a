// Reads the text after /lessons: #tags and key:value filters come out, the rest stays as websearch words.
import { listOf } from '../core/wording';
import { LESSON_STATUSES, type LessonStatus } from './lesson';
import type { LessonQuery, ParsedLessonQuery } from './search-query';

type FilterKey = 'technique' | 'since' | 'status';

const FILTER = /^(technique|since|status):(.*)$/i;
const TAG = /^[\p{L}\p{N}-]+$/u;
const TECHNIQUE = /^[a-z]+(?:-[a-z]+)*$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A tag typed at the end of a clause ("about #handover, since...") should not carry the comma.
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;
// Phones and Macs turn " into curly quotes, which websearch_to_tsquery would not treat as a phrase.
const CURLY_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Splits on white space outside double quotes, so a quoted phrase stays one piece. */
function pieces(input: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of input) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/u.test(ch)) {
      if (current !== '') out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

function isStatus(value: string): value is LessonStatus {
  return (LESSON_STATUSES as readonly string[]).includes(value);
}

/** Midnight UTC of a YYYY-MM-DD day that exists, else a problem naming it. */
function readDay(value: string): Date | string {
  const example = 'Give it as year-month-day, like since:2026-01-31.';
  const match = DAY.exec(value);
  if (!match) return `"since:${value}" isn't a date I can read. ${example}`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const monthName = MONTHS[month - 1];
  if (monthName === undefined) return `"since:${value}" isn't a real date: months go from 01 to 12. ${example}`;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // 30 February rolls over into March, so a day that does not exist comes back as another day.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `"since:${value}" isn't a real date: there's no ${day} ${monthName} ${year}. ${example}`;
  }
  return date;
}

function readTag(piece: string): string | { problem: string } {
  const tag = piece.slice(1).replace(TRAILING_PUNCTUATION, '');
  if (!TAG.test(tag)) return { problem: `"${piece}" isn't a tag I can search for: tags have letters, digits and hyphens, like #handover.` };
  return tag.toLowerCase();
}

/** Enough for a phrase, a few words and every filter; a suggestion built from it stays a line. */
export const QUERY_MAX_LENGTH = 300;

export function parseLessonQuery(input: string): ParsedLessonQuery {
  const trimmed = input.trim();
  if (trimmed.length > QUERY_MAX_LENGTH) {
    return { ok: false, problem: `A search can be up to ${QUERY_MAX_LENGTH} characters, and that one has ${trimmed.length.toLocaleString('en-GB')}. Please search with the few words that matter most.` };
  }
  const query: LessonQuery = { text: '', tags: [] };
  const seen = new Set<FilterKey>();
  const words: string[] = [];
  const problem = (text: string): ParsedLessonQuery => ({ ok: false, problem: text });

  for (const piece of pieces(input.replace(CURLY_QUOTES, '"'))) {
    // Anything inside quotes is part of a phrase, never a filter.
    if (piece.includes('"')) {
      words.push(piece);
      continue;
    }
    if (piece.startsWith('#')) {
      const tag = readTag(piece);
      if (typeof tag !== 'string') return problem(tag.problem);
      if (!query.tags.includes(tag)) query.tags.push(tag);
      continue;
    }
    const filter = FILTER.exec(piece);
    if (!filter) {
      words.push(piece);
      continue;
    }
    const key = (filter[1] ?? '').toLowerCase() as FilterKey;
    const value = filter[2] ?? '';
    if (seen.has(key)) return problem(`Give ${key}: only once in a search.`);
    seen.add(key);
    if (key === 'technique') {
      const technique = value.toLowerCase();
      if (!TECHNIQUE.test(technique)) {
        return problem(`"technique:${value}" isn't a technique I know how to look for: use its name in lower-case letters and hyphens, like technique:after-action-review.`);
      }
      query.technique = technique;
    } else if (key === 'since') {
      const since = readDay(value);
      if (typeof since === 'string') return problem(since);
      query.since = since;
    } else {
      const status = value.toLowerCase();
      if (!isStatus(status)) return problem(`"status:${value}" isn't a status: use ${listOf(LESSON_STATUSES, 'or')}, like status:approved.`);
      query.status = status;
    }
  }
  query.text = words.join(' ').replace(/\s+/gu, ' ').trim();
  return { ok: true, query };
}

function hasFilters(query: LessonQuery): boolean {
  return query.tags.length > 0 || query.technique !== undefined || query.since !== undefined || query.status !== undefined;
}

/** The words a match could be built from: no quotes, no -excluded words, no "or". */
function positiveWords(text: string): string[] {
  return text
    .replace(/-"[^"]*"?/g, ' ')
    .replace(/"/g, ' ')
    .split(/\s+/u)
    .filter((w) => w !== '' && !w.startsWith('-') && w.toLowerCase() !== 'or');
}

/** The search to suggest when nothing was found: without the filters, else any of the words; undefined if there is none. */
export function broaderQuery(query: LessonQuery): LessonQuery | undefined {
  // Without text, dropping the filters would leave "every lesson", which is not a search worth offering.
  if (hasFilters(query)) return query.text === '' ? undefined : { text: query.text, tags: [] };
  const words = positiveWords(query.text);
  if (words.length < 2) return undefined;
  const text = words.join(' or ');
  return text === query.text ? undefined : { text, tags: [] };
}

const dayInWords = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 'after-action-review' -> 'After Action Review'; small joining words stay lower case. */
function techniqueInWords(technique: string): string {
  return technique
    .split('-')
    .map((w, i) => (i > 0 && ['of', 'and', 'the', 'a', 'an', 'in', 'for', 'to'].includes(w) ? w : `${w.charAt(0).toUpperCase()}${w.slice(1)}`))
    .join(' ');
}

/** The query said back in words, to follow "Lessons for" or "I found no lessons for". */
export function describeLessonQuery(query: LessonQuery): string {
  const parts: string[] = [];
  // A text with its own quotes reads better as typed than wrapped in another pair.
  if (query.text !== '') parts.push(query.text.includes('"') ? query.text : `"${query.text}"`);
  else parts.push('anything');
  if (query.tags.length > 0) parts.push(`tagged ${listOf(query.tags.map((t) => `#${t}`))}`);
  if (query.technique !== undefined) parts.push(`from ${techniqueInWords(query.technique)}`);
  if (query.status !== undefined) parts.push(`with status ${query.status}`);
  if (query.since !== undefined) parts.push(`since ${dayInWords.format(query.since)}`);
  return parts.join(' ');
}
