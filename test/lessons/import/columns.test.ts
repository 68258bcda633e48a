import { headerKey, mapColumns } from '../../../src/lessons/import/columns';

describe('mapColumns', () => {
  it('matches headers ignoring case, spaces and punctuation, aliases included', () => {
    const result = mapColumns(['Title', ' Lesson Learned ', 'what_happened', 'ROOT CAUSE', 'Tags', 'Date', 'status', 'Contributors', 'Technique']);
    expect(result).toEqual({
      ok: true,
      map: {
        columns: { title: 0, recommendation: 1, observation: 2, reason: 3, tags: 4, date: 5, status: 6, contributors: 7, technique: 8 },
        unknown: [],
      },
    });
  });

  it.each(['recommendation', 'lesson', 'Lesson learned', 'What we will do', 'Action'])('takes "%s" as the recommendation', (header) => {
    const result = mapColumns(['title', header]);
    expect(result.ok && result.map.columns.recommendation).toBe(1);
  });

  it('takes "why" as the reason', () => {
    const result = mapColumns(['title', 'action', 'Why']);
    expect(result.ok && result.map.columns.reason).toBe(2);
  });

  it('lists unknown columns once each, as written, and skips blank headers', () => {
    const result = mapColumns(['Ward', 'title', '', 'recommendation', ' Owner ']);
    expect(result).toEqual({ ok: true, map: { columns: { title: 1, recommendation: 3 }, unknown: ['Ward', 'Owner'] } });
  });

  it('names a missing required column', () => {
    expect(mapColumns(['title', 'observation'])).toEqual({ ok: false, problem: { kind: 'missing', field: 'recommendation' } });
    expect(mapColumns(['lesson'])).toEqual({ ok: false, problem: { kind: 'missing', field: 'title' } });
  });

  it('refuses two columns for the same field rather than guess', () => {
    expect(mapColumns(['title', 'Lesson', 'Action'])).toEqual({ ok: false, problem: { kind: 'twice', field: 'recommendation', headers: ['Lesson', 'Action'] } });
  });

  it('headerKey keeps letters and digits only, lower-cased', () => {
    expect(headerKey(' What  Happened? ')).toBe('whathappened');
  });
});
