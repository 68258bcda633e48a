// Words a facilitator can type in a review's thread, for platforms (or people) without buttons and forms.

export type ThreadCommand =
  | { verb: 'next' }
  | { verb: 'finish' }
  | { verb: 'cancel' }
  | { verb: 'save' }
  | { verb: 'edit'; number: number; text: string }
  | { verb: 'drop'; number: number }
  | { verb: 'restore'; number: number }
  /** Which numbered answers lesson `number` carries: [] for none, null when the list could not be read. */
  | { verb: 'carry'; number: number; answers: number[] | null };

const SIMPLE = /^(next|finish|cancel|save)$/i;
const NUMBERED = /^(drop|restore)\s+#?(\d{1,3})$/i;
const EDIT = /^edit\s+#?(\d{1,3})\s*(?::\s*([\s\S]*))?$/i;
const CARRY = /^carry\s+#?(\d{1,3})\b\s*:?\s*([\s\S]*)$/i;
const NONE = /^(none|nothing|no answers)$/i;

/** '1, 3', '1 3' or '1 and 3' as numbers; 'none' as none; anything else is unreadable. */
function answerNumbers(list: string): number[] | null {
  const text = list.trim();
  if (NONE.test(text)) return [];
  const parts = text.split(/\s*(?:,|;|&|\band\b|\s)\s*/i).filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => /^#?\d{1,3}$/.test(p))) return null;
  return parts.map((p) => Number(p.replace('#', '')));
}

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
  const carry = CARRY.exec(text);
  if (carry?.[1]) return { verb: 'carry', number: Number(carry[1]), answers: answerNumbers(carry[2] ?? '') };
  return null;
}
