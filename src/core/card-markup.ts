// The one piece of markup card text carries: `*bold*`, as Slack writes it. Each adapter turns it into its own.

/** `*` hugging non-space text, not inside a word (so `2 * 3 * 4` and `file*name` stay as typed). */
const BOLD_SPAN = /(^|[\s(["'_~])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?=$|[\s)\]}.,;:!?"'_~])/gm;

/** Replaces each `*bold*` span with what `wrap` makes of its inner text. */
export function mapBold(text: string, wrap: (inner: string) => string): string {
  return text.replace(BOLD_SPAN, (_all, before: string, inner: string) => `${before}${wrap(inner)}`);
}
