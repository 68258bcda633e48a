import { CONVERSATION_PROMPTS, promptFor } from '../../src/coffee/prompts';

describe('conversation prompts', () => {
  it('has about twenty different, non-empty prompts', () => {
    expect(CONVERSATION_PROMPTS.length).toBeGreaterThanOrEqual(18);
    expect(new Set(CONVERSATION_PROMPTS).size).toBe(CONVERSATION_PROMPTS.length);
    for (const prompt of CONVERSATION_PROMPTS) expect(prompt.trim().length).toBeGreaterThan(10);
  });

  it('gives the same prompt for the same seed, round and group', () => {
    expect(promptFor(42, 3, 1)).toBe(promptFor(42, 3, 1));
    expect(CONVERSATION_PROMPTS).toContain(promptFor(42, 3, 1));
  });

  it('gives each group in a round a different prompt while the list lasts', () => {
    const prompts = CONVERSATION_PROMPTS.map((_, group) => promptFor(7, 2, group));
    expect(new Set(prompts).size).toBe(CONVERSATION_PROMPTS.length);
  });

  it('starts rounds in different places', () => {
    const firsts = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((round) => promptFor(7, round, 0)));
    expect(firsts.size).toBeGreaterThan(3);
  });

  it('copes with any seed, including negative and very large ones', () => {
    for (const seed of [-1, 0, 2 ** 40, Number.MAX_SAFE_INTEGER]) expect(CONVERSATION_PROMPTS).toContain(promptFor(seed, 1, 250));
  });
});
