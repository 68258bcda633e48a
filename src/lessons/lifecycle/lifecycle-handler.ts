// STUB (replaced by the lifecycle work): buttons that move a lesson on.
import type { LessonsHandler } from '../lessons-handler';

export const lifecycleHandler: LessonsHandler = { prefix: 'lessons:life:', handle: () => Promise.resolve({ say: [] }) };
