// The parts of the recall card that need no database: who has done this before, and the buttons' values.
import type { Lesson } from '../../../src/lessons/lesson';
import { recallButtonValue, recallValueSchema } from '../../../src/lessons/recall/recall-buttons';
import { nothingSimilarCard, pastContributors } from '../../../src/lessons/recall/recall-card';

function lesson(platform: 'slack' | 'import', contributors: Lesson['contributors']): Lesson {
  return {
    id: `l-${contributors.map((c) => c.id).join('-')}`,
    title: 't',
    recommendation: 'r',
    observation: '',
    reason: '',
    technique: 'after-action-review',
    tags: [],
    status: 'draft',
    contributors,
    source: { platform, tenant: 'T1', channel: 'C1' },
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('who has done this before', () => {
  it('counts each person once per lesson and once per review, most lessons first, then most reviews, then in the order they appear', () => {
    const a = lesson('slack', [{ id: 'U2' }, { id: 'U1' }, { id: 'U2' }]);
    const b = lesson('slack', [{ id: 'U1' }]);
    const c = { ...lesson('slack', [{ id: 'U1' }, { id: 'U4' }]), id: 'l-c' };
    const people = pastContributors(
      [a, lesson('import', [{ id: 'Priya Shah', name: 'Priya Shah' }]), b, lesson('slack', []), c],
      [
        // a and b came from one review, c from another; U3 took part without being any lesson's contributor.
        { lessonId: a.id, reviewId: 'r1', participants: [{ id: 'U9' }, { id: 'U1' }, { id: 'U2' }, { id: 'U3' }] },
        { lessonId: b.id, reviewId: 'r1', participants: [{ id: 'U9' }, { id: 'U1' }, { id: 'U2' }, { id: 'U3' }] },
        { lessonId: c.id, reviewId: 'r2', participants: [{ id: 'U1' }] },
      ],
    );
    expect(people).toEqual([
      { name: '<@U1>', reviews: 2, lessons: 3 },
      { name: '<@U2>', reviews: 1, lessons: 1 },
      { name: '<@U4>', reviews: 1, lessons: 1 },
      { name: 'Priya Shah', reviews: 0, lessons: 1 },
      { name: '<@U9>', reviews: 1, lessons: 0 },
      { name: '<@U3>', reviews: 1, lessons: 0 },
    ]);
  });

  it('says what to do when the library has nothing similar', () => {
    expect(nothingSimilarCard().text).toBe(
      'The library has nothing similar yet. Ask your community of practice, or your library and knowledge service, who has done this kind of work before. ' +
        'Your own After Action Review (/aar) afterwards will help the next team.',
    );
  });
});

describe('recall button values', () => {
  const ref = { runId: 'da0b1050-ff84-4346-b938-f324c1748b3e', lessonId: '69215b2d-8711-4985-8555-b7cfc27c9c56' };

  it('round-trips a run and a lesson', () => {
    expect(recallValueSchema.parse(recallButtonValue(ref))).toEqual(ref);
  });

  it.each([undefined, '', 'x:y', `${ref.runId}`, `${ref.runId}:${ref.lessonId}:extra`, `${ref.runId}:not-a-uuid`])('refuses %p', (value) => {
    expect(recallValueSchema.safeParse(value).success).toBe(false);
  });
});
