import { broaderQuery, describeLessonQuery, parseLessonQuery } from '../../src/lessons/parse-lesson-query';
import type { LessonQuery, ParsedLessonQuery } from '../../src/lessons/search-query';

function parsed(input: string): LessonQuery {
  const result = parseLessonQuery(input);
  if (!result.ok) throw new Error(`expected a query, got the problem: ${result.problem}`);
  return result.query;
}

function problemOf(input: string): string {
  const result: ParsedLessonQuery = parseLessonQuery(input);
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.query)}`);
  return result.problem;
}

const text = (words: string, extra: Partial<LessonQuery> = {}): LessonQuery => ({ text: words, tags: [], ...extra });

describe('parseLessonQuery', () => {
  it('refuses a search over 300 characters, saying the limit, so no suggestion grows from it', () => {
    expect(problemOf('printer '.repeat(600))).toBe('A search can be up to 300 characters, and that one has 4,799. Please search with the few words that matter most.');
    expect(parsed(`${'a'.repeat(299)} `).text).toHaveLength(299);
  });

  it('keeps plain words as the text, trimmed and with runs of spaces collapsed', () => {
    expect(parsed('  printer    queue  ')).toEqual(text('printer queue'));
    expect(parsed('')).toEqual(text(''));
  });

  it('leaves websearch syntax in the text as it was typed', () => {
    expect(parsed('"printer queue" -paper or toner')).toEqual(text('"printer queue" -paper or toner'));
  });

  it('turns curly quotes into straight ones so a phrase stays a phrase', () => {
    expect(parsed('\u201Cprinter queue\u201D owner')).toEqual(text('"printer queue" owner'));
  });

  it('pulls out several #tags, lower-cased and without repeats', () => {
    expect(parsed('printer #Handover #e-prescribing #handover #2026')).toEqual({ text: 'printer', tags: ['handover', 'e-prescribing', '2026'] });
  });

  it('drops punctuation typed after a tag', () => {
    expect(parsed('about #handover, please')).toEqual({ text: 'about please', tags: ['handover'] });
  });

  it('names a tag it cannot search for', () => {
    expect(problemOf('#hand_over')).toMatch(/"#hand_over" isn't a tag.*#handover/);
    expect(problemOf('printer #')).toMatch(/"#" isn't a tag/);
  });

  it('does not read filters or tags inside a quoted phrase', () => {
    expect(parsed('"status:draft #handover" printer')).toEqual(text('"status:draft #handover" printer'));
  });

  it('reads technique, since and status anywhere in the line, whatever the case of the key', () => {
    expect(parsed('Technique:retrospect printer since:2026-01-31 STATUS:Approved queue')).toEqual({
      text: 'printer queue',
      tags: [],
      technique: 'retrospect',
      since: new Date('2026-01-31T00:00:00.000Z'),
      status: 'approved',
    });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parsed('since:2028-02-29').since).toEqual(new Date('2028-02-29T00:00:00.000Z'));
  });

  it('names a date that does not exist and gives an example', () => {
    const problem = problemOf('since:2026-02-30 printer');
    expect(problem).toContain('since:2026-02-30');
    expect(problem).toContain("there's no 30 February 2026");
    expect(problem).toMatch(/like since:\d{4}-\d{2}-\d{2}/);
    expect(problemOf('since:2026-13-01')).toMatch(/months go from 01 to 12/);
  });

  it('names a date it cannot read', () => {
    expect(problemOf('since:yesterday')).toMatch(/"since:yesterday" isn't a date I can read.*year-month-day, like since:2026-01-31/);
    expect(problemOf('since:2026-1-5')).toMatch(/isn't a date I can read/);
    expect(problemOf('since:')).toMatch(/isn't a date I can read/);
  });

  it('lists the four statuses when given another', () => {
    expect(problemOf('status:done')).toBe('"status:done" isn\'t a status: use draft, validated, approved or applied, like status:approved.');
  });

  it('wants a technique in lower-case letters and hyphens', () => {
    expect(parsed('technique:after-action-review').technique).toBe('after-action-review');
    expect(problemOf('technique:aar_2')).toMatch(/"technique:aar_2".*lower-case letters and hyphens/);
    expect(problemOf('technique:')).toMatch(/"technique:"/);
  });

  it('takes each filter only once', () => {
    expect(problemOf('since:2026-01-01 since:2026-02-01')).toBe('Give since: only once in a search.');
    expect(problemOf('status:draft Status:approved')).toBe('Give status: only once in a search.');
    expect(problemOf('technique:retrospect technique:retrospect')).toBe('Give technique: only once in a search.');
  });

  it('leaves other word:word pieces in the text', () => {
    expect(parsed('ward:5 printer')).toEqual(text('ward:5 printer'));
  });
});

describe('broaderQuery', () => {
  it('first drops the filters', () => {
    const query = parsed('"printer queue" #handover technique:retrospect since:2026-01-01 status:approved');
    expect(broaderQuery(query)).toEqual(text('"printer queue"'));
  });

  it('offers nothing for filters without text, since that would be every lesson', () => {
    expect(broaderQuery(parsed('#handover'))).toBeUndefined();
  });

  it('then asks for any of the words, without quotes or excluded words', () => {
    expect(broaderQuery(parsed('"printer queue" owner -paper -"night shift"'))).toEqual(text('printer or queue or owner'));
  });

  it('offers nothing for a single word, or when the words are already alternatives', () => {
    expect(broaderQuery(parsed('printer'))).toBeUndefined();
    expect(broaderQuery(parsed('printer -paper'))).toBeUndefined();
    expect(broaderQuery(parsed('printer or queue'))).toBeUndefined();
    expect(broaderQuery(parsed(''))).toBeUndefined();
  });
});

describe('describeLessonQuery', () => {
  it('says the words and the filters back', () => {
    expect(describeLessonQuery(parsed('printer queue #handover since:2026-01-01'))).toBe('"printer queue" tagged #handover since 1 January 2026');
  });

  it('shows a text with its own quotes as typed', () => {
    expect(describeLessonQuery(parsed('"printer queue" -paper'))).toBe('"printer queue" -paper');
  });

  it('names every filter', () => {
    expect(describeLessonQuery(parsed('#handover #sepsis #falls technique:after-action-review status:approved since:2025-12-25'))).toBe(
      'anything tagged #handover, #sepsis and #falls from After Action Review with status approved since 25 December 2025',
    );
    expect(describeLessonQuery(parsed('technique:communities-of-practice'))).toBe('anything from Communities of Practice');
  });
});
