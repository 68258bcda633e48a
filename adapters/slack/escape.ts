// Outgoing text: escape Slack's control characters so typed text can never become a link or a ping.

/** Only user mentions and channel links of this exact form survive escaping; `<!channel>` and friends never do. */
const MENTION = /<[@#][A-Z0-9]+>/g;

/** Escaped pieces that must not be split: whole mentions, whole entities, whole code points. */
function units(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    pushEscaped(out, text.slice(last, match.index));
    out.push(match[0]);
    last = match.index + match[0].length;
  }
  pushEscaped(out, text.slice(last));
  return out;
}

function pushEscaped(out: string[], plain: string): void {
  for (const ch of plain) {
    out.push(ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch);
  }
}

export function escapeText(text: string): string {
  return units(text).join('');
}

/** Escape, then cut to at most max characters (ending in '…' when cut). */
export function cutEscaped(text: string, max: number): string {
  const all = units(text);
  const full = all.join('');
  if (full.length <= max) return full;
  let out = '';
  for (const unit of all) {
    if (out.length + unit.length > max - 1) break;
    out += unit;
  }
  return `${out}…`;
}

/** Escape, then split into chunks of at most max characters, preferring line then word breaks. */
export function splitEscaped(text: string, max: number): string[] {
  const all = units(text);
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const unit of all) {
    if (length + unit.length > max && current.length > 0) {
      const cut = breakPoint(current);
      chunks.push(current.slice(0, cut).join('').trimEnd());
      current = current.slice(cut);
      length = current.reduce((n, u) => n + u.length, 0);
    }
    current.push(unit);
    length += unit.length;
  }
  if (current.length > 0) chunks.push(current.join('').trimEnd());
  return chunks.filter((chunk) => chunk.length > 0);
}

/** Index after the last newline (else space) in the back half of a chunk, or the whole chunk. */
function breakPoint(chunk: string[]): number {
  const half = Math.floor(chunk.length / 2);
  for (const separator of ['\n', ' ']) {
    const at = chunk.lastIndexOf(separator);
    if (at >= half) return at + 1;
  }
  return chunk.length;
}
