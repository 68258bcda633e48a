// The console sandbox's public face, for the composition root.
export { createConsoleAdapter, DEFAULT_PEOPLE } from './console-adapter';
export type { ConsoleAdapter, ConsoleAdapterOptions } from './console-adapter';
export type { LessonList } from './console-loop';
