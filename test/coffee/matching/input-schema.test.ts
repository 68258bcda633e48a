// The JSON input for `coffee match`: defaults, and one line naming the first bad field.
import { parseMatchFile, toMatchInput } from '../../../src/coffee/matching/input-schema';

const error = (json: unknown): string => {
  const parsed = parseMatchFile(json);
  return parsed.ok ? 'accepted' : parsed.error;
};

describe('parseMatchFile', () => {
  it('fills in the optional fields and keeps the seed when given', () => {
    const parsed = parseMatchFile({ participants: [{ id: 'U1', team: 'Pharmacy' }] });
    expect(parsed).toEqual({ ok: true, file: { participants: [{ id: 'U1', team: 'Pharmacy' }], history: [], groupSize: 2, windowRounds: null } });
    expect(parsed.ok && toMatchInput(parsed.file, 7).seed).toBe(7);
    const seeded = parseMatchFile({ participants: [], seed: 42 });
    expect(seeded.ok && toMatchInput(seeded.file, 7).seed).toBe(42);
  });

  it('accepts history with people who have left and met flags, one per group', () => {
    expect(error({ participants: [{ id: 'U1' }], history: [{ round: 1, groups: [['U1', 'Gone']], met: [false], sittingOut: [] }] })).toBe('accepted');
  });

  it.each([
    [{ participants: [{ id: 'U1' }, { id: 'U2' }, { id: '' }] }, 'participants[2].id: must not be empty'],
    [{ participants: [{ id: 'U1' }, { id: 'U1' }] }, 'participants[1].id: "U1" appears more than once'],
    [{ participants: [{ id: 'U1', role: 'x' }] }, 'participants[0].role: is not a field we know'],
    [{ participants: [{ id: 'U1' }], history: [{ round: 1.5, groups: [] }] }, 'history[0].round: must be a whole number'],
    [{ participants: [{ id: 'U1' }], history: [{ round: 1, groups: [['U1', 3]] }] }, 'history[0].groups[0][1]: must be a participant id (text)'],
    [{ participants: [{ id: 'U1' }], history: [{ round: 1, groups: [['U1']], met: [true, true] }] }, 'history[0].met: has 2 flags for 1 group; give one per group'],
    [{ participants: [], groupSize: 4 }, 'groupSize: must be 2 (pairs) or 3 (trios)'],
    [{ participants: [], oddOneOut: 'wait' }, 'oddOneOut: must be "trio" or "sit-out"'],
    [{ participants: [], windowRounds: 0 }, 'windowRounds: must be at least 1, or null for all rounds'],
    [{ participants: [], seed: 'x' }, 'seed: must be a whole number'],
    [[], 'input: must be a JSON object with participants'],
  ])('names the field: %j', (json, expected) => {
    expect(error(json)).toBe(expected);
  });
});
