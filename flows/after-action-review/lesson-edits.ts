// The facilitator's changes to proposed lessons: edit (form or typed), drop and restore.
import type { FormSpec } from '../../src/core/card';
import type { Step } from '../../src/core/flow';
import type { Person } from '../../src/core/model';
import type { FieldProblem } from '../../src/core/form-check';
import { guardText, textProblems } from '../../src/privacy';
import { whisper } from '../shared/steps';
import { EDIT_LESSON_FORM, FORM_VALUE_FIELD, RECOMMENDATION_FIELD, RECOMMENDATION_MAX_LENGTH, TITLE_FIELD, TITLE_MAX_LENGTH } from './ids';
import { proposalByKey, withProposalEdit, type Proposal } from './proposals';
import type { AarState } from './state';
import { withSummaryRefreshed } from './steps';
import { editHeldBackCard, editHintCard, needsRecommendationCard, noSuchLessonCard } from './whispers';

export function editLessonForm(proposal: Proposal): FormSpec {
  return {
    id: EDIT_LESSON_FORM,
    title: 'Edit lesson',
    submitLabel: 'Save',
    value: proposal.key,
    fields: [
      { id: TITLE_FIELD, label: 'Title', value: proposal.title, maxLength: TITLE_MAX_LENGTH, optional: true },
      { id: RECOMMENDATION_FIELD, label: 'Recommendation', value: proposal.recommendation, multiline: true, maxLength: RECOMMENDATION_MAX_LENGTH },
    ],
  };
}

/** The edit form's answers, checked while it is open: a recommendation, both within their limits, no patient details. */
export function checkLessonForm(fields: Readonly<Record<string, string>>): FieldProblem[] {
  return [
    ...textProblems(TITLE_FIELD, (fields[TITLE_FIELD] ?? '').replace(/\s+/g, ' '), { label: 'A title', max: TITLE_MAX_LENGTH }),
    ...textProblems(RECOMMENDATION_FIELD, fields[RECOMMENDATION_FIELD] ?? '', {
      label: 'A recommendation',
      max: RECOMMENDATION_MAX_LENGTH,
      missing: 'A lesson needs a recommendation.',
    }),
  ];
}

/** Opens the edit form where the platform can; otherwise explains the typed fallback. */
export function openLessonEditor(state: AarState, key: string | undefined, trigger: string | undefined): Step<AarState> {
  const proposal = proposalByKey(state, key);
  if (!proposal) return whisper(state, state.facilitator, noSuchLessonCard());
  if (trigger === undefined) return whisper(state, state.facilitator, editHintCard(proposal.number));
  return { state, say: [{ kind: 'form', to: state.facilitator, trigger, form: editLessonForm(proposal) }] };
}

export interface LessonChange {
  /** Undefined keeps the title as it is; '' goes back to a title taken from the recommendation. */
  title?: string;
  recommendation: string;
}

/** The title to store: none while it still follows the recommendation. */
function storedTitle(proposal: Proposal, title: string | undefined): string | undefined {
  if (title === undefined) return proposal.titleEdited ? proposal.title : undefined;
  const trimmed = title.replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX_LENGTH);
  if (trimmed === '') return undefined;
  // The form shows the derived title; sending it back unchanged shouldn't pin it.
  if (!proposal.titleEdited && trimmed === proposal.title) return undefined;
  return trimmed;
}

export function changeLesson(state: AarState, proposal: Proposal, change: LessonChange, by: Person): Step<AarState> {
  const recommendation = change.recommendation.trim();
  if (recommendation === '') return whisper(state, by, needsRecommendationCard(proposal.number));
  const checked = guardText([change.title?.trim() ?? '', recommendation].filter((t) => t !== '').join('\n'));
  if (checked.findings.length > 0) return whisper(state, by, editHeldBackCard(proposal.number, checked.findings, checked.masked));
  const title = storedTitle(proposal, change.title);
  const next = withProposalEdit(state, proposal.key, {
    title,
    // Matching the answer again means the lesson follows the answer's own edits.
    recommendation: recommendation === proposal.answer.text ? undefined : recommendation,
  });
  return withSummaryRefreshed(next);
}

export function submitLessonForm(state: AarState, fields: Record<string, string>, by: Person): Step<AarState> {
  const proposal = proposalByKey(state, fields[FORM_VALUE_FIELD]);
  if (!proposal) return whisper(state, by, noSuchLessonCard());
  return changeLesson(state, proposal, { title: fields[TITLE_FIELD] ?? '', recommendation: fields[RECOMMENDATION_FIELD] ?? '' }, by);
}

export function setDropped(state: AarState, proposal: Proposal | undefined, dropped: boolean, by: Person): Step<AarState> {
  if (!proposal) return whisper(state, by, noSuchLessonCard());
  if (proposal.dropped === dropped) return withSummaryRefreshed(state);
  return withSummaryRefreshed(withProposalEdit(state, proposal.key, { dropped }));
}
