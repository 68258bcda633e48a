// The two forms on a lesson: evidence that it was used, and an edit; and reading what came back.
import type { FormSpec } from '../../core/card';
import { problemsInWords, type FieldProblem } from '../../core/form-check';
import { patientDataProblem, textProblems } from '../../privacy';
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

const EDIT_LABELS: Record<string, string> = {
  [EDIT_FIELDS.title]: 'Title',
  [EDIT_FIELDS.recommendation]: 'Recommendation',
  [EDIT_FIELDS.observation]: 'What happened',
  [EDIT_FIELDS.reason]: 'Why',
  [EDIT_FIELDS.tags]: 'Tags',
};

export const checkApplied = (fields: Readonly<Record<string, string>>): FieldProblem[] =>
  textProblems(EVIDENCE_FIELD, (fields[EVIDENCE_FIELD] ?? '').trim(), {
    label: 'How you used it',
    max: LIMITS.evidence,
    missing: 'Please say how you used the lesson, in a sentence or with a link.',
  });

export function readEvidence(fields: Readonly<Record<string, string>>): Read<string> {
  const [problem] = checkApplied(fields);
  if (problem !== undefined) return { ok: false, problem: `${problem.message} Nothing was saved.` };
  return { ok: true, value: (fields[EVIDENCE_FIELD] ?? '').trim() };
}

const TAG = /^[\p{L}\p{N}-]+$/u;

function readTags(raw: string): Read<string[]> {
  const words = raw.split(/[\s,;]+/u).map((w) => w.replace(/^#+/u, '').toLowerCase()).filter((w) => w !== '');
  const bad = words.find((w) => !TAG.test(w) || !/\p{L}/u.test(w));
  if (bad !== undefined) return { ok: false, problem: `“${bad}” is not a tag I can use: a tag is one word with at least one letter, like #handover.` };
  return { ok: true, value: [...new Set(words)] };
}

const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').trim();

function editText(fields: Readonly<Record<string, string>>): Omit<LessonText, 'tags'> {
  return {
    title: oneLine(fields[EDIT_FIELDS.title] ?? ''),
    recommendation: (fields[EDIT_FIELDS.recommendation] ?? '').trim(),
    observation: (fields[EDIT_FIELDS.observation] ?? '').trim(),
    reason: (fields[EDIT_FIELDS.reason] ?? '').trim(),
  };
}

/** Every field of the edit form with a problem, each under its own field. */
export const checkEdit = (fields: Readonly<Record<string, string>>): FieldProblem[] => {
  const text = editText(fields);
  const tags = readTags(fields[EDIT_FIELDS.tags] ?? '');
  return [
    ...textProblems(EDIT_FIELDS.title, text.title, { label: 'A title', max: LIMITS.title, missing: 'A lesson needs a title.' }),
    ...textProblems(EDIT_FIELDS.recommendation, text.recommendation, { label: 'A recommendation', max: LIMITS.text, missing: 'A lesson needs a recommendation.' }),
    ...textProblems(EDIT_FIELDS.observation, text.observation, { label: 'What happened', max: LIMITS.text }),
    ...textProblems(EDIT_FIELDS.reason, text.reason, { label: 'Why', max: LIMITS.text }),
    ...(tags.ok ? patientDataProblem(EDIT_FIELDS.tags, tags.value.join(' ')) : [{ field: EDIT_FIELDS.tags, message: tags.problem }]),
  ];
};

export function readEdit(fields: Readonly<Record<string, string>>): Read<LessonText> {
  const problems = checkEdit(fields);
  if (problems.length > 0) return { ok: false, problem: `${problemsInWords(problems, EDIT_LABELS).join(' ')} Nothing was saved.` };
  const tags = readTags(fields[EDIT_FIELDS.tags] ?? '');
  return { ok: true, value: { ...editText(fields), tags: tags.ok ? tags.value : [] } };
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
