// Action ids and post keys the BAR flow sends out and expects back.

export const ACTIONS = {
  next: 'bar:next',
  finish: 'bar:finish',
  cancel: 'bar:cancel',
} as const;

export type ActionVerb = keyof typeof ACTIONS;

const VERBS: readonly ActionVerb[] = ['next', 'finish', 'cancel'];

export function verbOf(action: string): ActionVerb | null {
  return VERBS.find((verb) => ACTIONS[verb] === action) ?? null;
}

export const KEYS = {
  overview: 'overview',
  summary: 'summary',
  /** Where the engine posts the lessons it recalled for question 2. */
  recalled: 'recalled',
  question: (index: number): string => `question-${index}`,
} as const;
