// Words a facilitator can type in a review's thread, for platforms (or people) without buttons and forms.

export type ThreadCommand =
  | { verb: 'next' }
  | { verb: 'finish' }
  | { verb: 'cancel' }
  | { verb: 'save' }
  | { verb: 'edit'; number: number; text: string }
  | { verb: 'drop'; number: number }
  | { verb: 'restore'; number: number };

const SIMPLE = /^(next|finish|cancel|save)$/i;
const NUMBERED = /^(drop|restore)\s+#?(\d{1,3})$/i;
const EDIT = /^edit\s+#?(\d{1,3})\s*(?::\s*([\s\S]*))?$/i;

export function parseThreadCommand(raw: string): ThreadCommand | null {
  const text = raw.trim();
  const simple = SIMPLE.exec(text);
  if (simple?.[1]) {
    const verb = simple[1].toLowerCase();
    if (verb === 'next' || verb === 'finish' || verb === 'cancel' || verb === 'save') return { verb };
  }
  const numbered = NUMBERED.exec(text);
  if (numbered?.[1] && numbered[2]) {
    const verb = numbered[1].toLowerCase() === 'drop' ? 'drop' : 'restore';
    return { verb, number: Number(numbered[2]) };
  }
  const edit = EDIT.exec(text);
  if (edit?.[1]) return { verb: 'edit', number: Number(edit[1]), text: (edit[2] ?? '').trim() };
  return null;
}
