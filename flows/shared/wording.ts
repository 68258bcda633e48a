// Small helpers that keep counts and lists reading naturally.

/** '1 answer', '3 answers'. */
export function countOf(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** Indents every line of a quote so multi-line answers stay readable. */
export function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
