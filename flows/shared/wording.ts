// Small helpers that keep counts and lists reading naturally.

export { countOf } from '../../src/core/wording';

/** Indents every line of a quote so multi-line answers stay readable. */
export function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
