// The stated ranking rule on hand-built evidence: more evidence first, then more recent, then by name, then by id.
import type { Evidence } from '../../src/store/who-evidence';
import { rankCandidates } from '../../src/who/ranking';
import { candidateLines } from '../../src/who/who-card';

const e = (kind: Evidence['kind'], personId: string, itemId: string, at: string, title = `Item ${itemId}`, platform = 'slack'): Evidence => ({
  kind, personId, platform, itemId, title, at: new Date(at),
});

describe('ranking who has done this before', () => {
  it('puts more evidence first, whatever its kind', () => {
    const ranked = rankCandidates([
      e('lesson', 'U1', 'L1', '2026-01-01'),
      e('review', 'U2', 'R1', '2026-01-01'),
      e('applied', 'U2', 'L1', '2026-01-02'),
      e('lesson', 'U3', 'L2', '2025-01-01'),
      e('lesson', 'U3', 'L3', '2025-01-01'),
      e('review', 'U3', 'R2', '2025-01-01'),
    ]);
    expect(ranked.map((c) => c.personId)).toEqual(['U3', 'U2', 'U1']);
  });

  it('breaks a tie by the most recent evidence, then by name, then by id', () => {
    const ranked = rankCandidates([
      e('lesson', 'U1', 'L1', '2026-01-01'),
      e('lesson', 'U2', 'L2', '2026-03-01'),
      { ...e('lesson', 'zed', 'L3', '2025-05-01', 'T', 'import'), personName: 'Zed' },
      { ...e('lesson', 'amy', 'L4', '2025-05-01', 'T', 'import'), personName: 'Amy' },
    ]);
    expect(ranked.map((c) => c.shownAs)).toEqual(['<@U2>', '<@U1>', 'Amy', 'Zed']);
  });

  it('counts each lesson, review or application once, and keeps its newest date', () => {
    const [only] = rankCandidates([
      e('applied', 'U1', 'L1', '2026-01-01'),
      e('applied', 'U1', 'L1', '2026-02-01'),
      e('lesson', 'U1', 'L1', '2025-12-01'),
    ]);
    expect(only?.applied).toHaveLength(1);
    expect(only?.lessons).toHaveLength(1);
    expect(only?.latest).toEqual(new Date('2026-02-01'));
  });

  it('says what each person did, how recently, and which titles, newest first', () => {
    const [only] = rankCandidates([
      e('lesson', 'U1', 'L1', '2026-01-05', 'Check printer queues'),
      e('lesson', 'U1', 'L2', '2026-03-05', 'Name a queue owner'),
      e('lesson', 'U1', 'L3', '2025-03-05', 'Spare printer labels'),
      e('review', 'U1', 'R1', '2026-02-01', 'Printer outage on Ward 7'),
    ]);
    if (!only) throw new Error('no candidate');
    expect(candidateLines(only, 1)).toEqual([
      '1. <@U1>: 3 lessons and facilitated 1 review, most recently in March 2026',
      'Lessons: “Name a queue owner”, “Check printer queues” and 1 more',
      'Reviews: “Printer outage on Ward 7”',
    ]);
  });
});
