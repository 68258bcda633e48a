import { parseLessonDate } from '../../../src/lessons/import/parse-date';
import { validateRow } from '../../../src/lessons/import/validate-row';

const now = new Date('2026-05-01T12:00:00.000Z');

describe('parseLessonDate', () => {
  it.each([
    ['2024-02-28', '2024-02-28T00:00:00.000Z'],
    ['28/02/2024', '2024-02-28T00:00:00.000Z'],
    ['29/02/2024', '2024-02-29T00:00:00.000Z'],
    ['3/4/2024', '2024-04-03T00:00:00.000Z'],
    // Mobilise's own export writes createdAt as a full time, kept to the millisecond.
    ['2024-04-06T10:15:30.123Z', '2024-04-06T10:15:30.123Z'],
    ['2024-04-06T11:15:30+01:00', '2024-04-06T10:15:30.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseLessonDate(text)?.toISOString()).toBe(iso);
  });

  it.each(['31/02/2024', '29/02/2023', '2024-13-01', '02/28/2024', '28.02.2024', '2024-02-28T10:00', '2024-02-30T10:00:00Z', 'yesterday', ''])('rejects %s', (text) => {
    expect(parseLessonDate(text)).toBeUndefined();
  });
});

describe('validateRow', () => {
  it('fills the defaults: technique imported, status draft, dated now', () => {
    expect(validateRow({ title: ' Label the fridge ', recommendation: 'Label every shelf' }, now)).toEqual({
      ok: true,
      lesson: {
        title: 'Label the fridge',
        recommendation: 'Label every shelf',
        observation: '',
        reason: '',
        technique: 'imported',
        tags: [],
        status: 'draft',
        contributors: [],
        createdAt: now,
      },
    });
  });

  it('splits tags on spaces, commas and semicolons, drops #, lower-cases and de-duplicates; contributors on ;', () => {
    const result = validateRow(
      { title: 't', recommendation: 'r', tags: '#Resus, equipment;handover  #resus', contributors: 'Asha Patel; Ben Jones;', status: 'Approved', technique: 'After Action Review' },
      now,
    );
    expect(result).toMatchObject({
      ok: true,
      lesson: { tags: ['resus', 'equipment', 'handover'], contributors: ['Asha Patel', 'Ben Jones'], status: 'approved', technique: 'After Action Review' },
    });
  });

  it('reports every problem of a row', () => {
    expect(validateRow({ title: '', recommendation: ' ', date: '31/02/2024', status: 'done', tags: 'a&e' }, now)).toEqual({
      ok: false,
      problems: [
        { kind: 'empty', field: 'title' },
        { kind: 'empty', field: 'recommendation' },
        { kind: 'not-a-date', field: 'date', value: '31/02/2024' },
        { kind: 'not-a-status', field: 'status', value: 'done' },
        { kind: 'not-a-tag', field: 'tags', value: 'a&e' },
      ],
    });
  });

  it('rejects an NHS number in any column, and no other problem quotes that cell', () => {
    const result = validateRow({ title: 't', recommendation: 'r', observation: 'Patient 943 476 5919 fell', date: '943 476 5919' }, now);
    expect(result).toEqual({
      ok: false,
      problems: [
        { kind: 'patient-data', field: 'observation', findings: [{ kind: 'nhs-number', label: 'NHS number' }] },
        { kind: 'patient-data', field: 'date', findings: [{ kind: 'nhs-number', label: 'NHS number' }] },
      ],
    });
    expect(JSON.stringify(result)).not.toMatch(/943/);
  });

  it('lets a ten-digit number that is not a valid NHS number through', () => {
    expect(validateRow({ title: 't', recommendation: 'Ring 943 476 5918 for bleeps' }, now).ok).toBe(true);
  });
});
