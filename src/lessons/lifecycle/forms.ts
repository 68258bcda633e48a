// The two forms on a lesson: evidence that it was used, and an edit; and reading what came back.
import type { FormSpec } from '../../core/card';
import { describeFindings, guardText } from '../../privacy';
import type { LessonText } from '../../store/lesson-lifecycle';
import type { Lesson } from '../lesson';
import { APPLIED_FORM, EDIT_FIELDS, EDIT_FORM, EVIDENCE_FIELD } from './lifecycle-ids';

export const LIMITS = { title: 150, text: 3000, evidence: 1000, tags: 300 } as const;

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

export function appliedForm(lesson: Lesson): FormSpec {
  return {
    id: APPLIED_FORM,
    title: 'Mark applied',
    submitLabel: 'Save',
    value: lesson.id,
    fields: [
      {
        id: EVIDENCE_FIELD,
        label: 'How did you use it?',
        multiline: true,
        maxLength: LIMITS.evidence,
        hint: 'A sentence or a link to where it shows, e.g. the new checklist. No patient details, please.',
      },
    ],
  };
}

export function editForm(lesson: Lesson): FormSpec {
  return {
    id: EDIT_FORM,
    title: 'Edit lesson',
    submitLabel: 'Save',
    value: lesson.id,
    fields: [
      { id: EDIT_FIELDS.title, label: 'Title', value: lesson.title, maxLength: LIMITS.title },
      { id: EDIT_FIELDS.recommendation, label: 'Recommendation', value: lesson.recommendation, multiline: true, maxLength: LIMITS.text },
      { id: EDIT_FIELDS.observation, label: 'What happened', value: lesson.observation, multiline: true, maxLength: LIMITS.text, optional: true },
      { id: EDIT_FIELDS.reason, label: 'Why', value: lesson.reason, multiline: true, maxLength: LIMITS.text, optional: true },
      {
        id: EDIT_FIELDS.tags,
        label: 'Tags',
        value: lesson.tags.map((t) => `#${t}`).join(' '),
        maxLength: LIMITS.tags,
        optional: true,
        hint: 'Words that help people find it, e.g. #handover #pharmacy',
      },
    ],
  };
}

/** Refuses text with patient identifiers; `where` names the field for the message. */
function patientDataIn(texts: Record<string, string>): string | undefined {
  const found = Object.entries(texts).flatMap(([where, value]) => {
    const { findings } = guardText(value);
    return findings.length === 0 ? [] : [{ where, findings }];
  });
  if (found.length === 0) return undefined;
  const what = describeFindings(found.flatMap((f) => f.findings));
  const places = found.map((f) => f.where).join(' and ');
  return `I haven't saved anything: ${places} seems to contain ${what}. Please leave out anything that could identify a patient and try again.`;
}

export function readEvidence(fields: Record<string, string>): Read<string> {
  const evidence = (fields[EVIDENCE_FIELD] ?? '').trim();
  if (evidence === '') return { ok: false, problem: 'Please say how you used the lesson, in a sentence or with a link; nothing was saved.' };
  if (evidence.length > LIMITS.evidence) return { ok: false, problem: `Please keep how you used it under ${LIMITS.evidence} characters; nothing was saved.` };
  const refused = patientDataIn({ 'what you wrote': evidence });
  return refused === undefined ? { ok: true, value: evidence } : { ok: false, problem: refused };
}

const TAG = /^[\p{L}\p{N}-]+$/u;

function readTags(raw: string): Read<string[]> {
  const words = raw.split(/[\s,;]+/u).map((w) => w.replace(/^#+/u, '').toLowerCase()).filter((w) => w !== '');
  const bad = words.find((w) => !TAG.test(w) || !/\p{L}/u.test(w));
  if (bad !== undefined) return { ok: false, problem: `“${bad}” is not a tag I can use: a tag is one word with at least one letter, like #handover.` };
  return { ok: true, value: [...new Set(words)] };
}

const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').trim();

export function readEdit(fields: Record<string, string>): Read<LessonText> {
  const title = oneLine(fields[EDIT_FIELDS.title] ?? '');
  const recommendation = (fields[EDIT_FIELDS.recommendation] ?? '').trim();
  const observation = (fields[EDIT_FIELDS.observation] ?? '').trim();
  const reason = (fields[EDIT_FIELDS.reason] ?? '').trim();
  const missing = [title === '' ? 'a title' : '', recommendation === '' ? 'a recommendation' : ''].filter((m) => m !== '');
  if (missing.length > 0) return { ok: false, problem: `A lesson needs ${missing.join(' and ')}; nothing was saved.` };
  if (title.length > LIMITS.title) return { ok: false, problem: `Please keep the title under ${LIMITS.title} characters; nothing was saved.` };
  const long = Object.entries({ recommendation, 'what happened': observation, why: reason }).find(([, v]) => v.length > LIMITS.text);
  if (long) return { ok: false, problem: `Please keep ${long[0]} under ${LIMITS.text} characters; nothing was saved.` };
  const tags = readTags(fields[EDIT_FIELDS.tags] ?? '');
  if (!tags.ok) return tags;
  const refused = patientDataIn({ 'the title': title, 'the recommendation': recommendation, 'what happened': observation, 'why': reason, 'the tags': tags.value.join(' ') });
  if (refused !== undefined) return { ok: false, problem: refused };
  return { ok: true, value: { title, recommendation, observation, reason, tags: tags.value } };
}

/** The fields an edit changes, before and after, for the lesson's history; empty when nothing changed. */
export function editDiff(lesson: Lesson, next: LessonText): { before: Partial<LessonText>; after: Partial<LessonText> } {
  const before: Partial<LessonText> = {};
  const after: Partial<LessonText> = {};
  for (const key of ['title', 'recommendation', 'observation', 'reason'] as const) {
    if (lesson[key] !== next[key]) {
      before[key] = lesson[key];
      after[key] = next[key];
    }
  }
  if (lesson.tags.join(' ') !== next.tags.join(' ')) {
    before.tags = lesson.tags;
    after.tags = next.tags;
  }
  return { before, after };
}
