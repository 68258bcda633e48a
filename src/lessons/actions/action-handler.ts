// STUB (replaced by the actions work): adding an action and answering its reminder.
import type { LessonsHandler } from '../lessons-handler';

export const actionHandler: LessonsHandler = { prefix: 'lessons:action:', handle: () => Promise.resolve({ say: [] }) };
