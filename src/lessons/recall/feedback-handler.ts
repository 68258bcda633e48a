// STUB (replaced by the recall work): Useful / Not relevant on a recalled lesson.
import type { LessonsHandler } from '../lessons-handler';

export const feedbackHandler: LessonsHandler = { prefix: 'lessons:recall:', handle: () => Promise.resolve({ say: [] }) };
