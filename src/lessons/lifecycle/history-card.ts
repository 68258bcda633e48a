// A lesson's history: when it was saved, and every move, edit, archive and restore since, with who and when.
import { card, type Card } from '../../core/card';
import type { LessonEvent } from '../../store/lesson-events';
import { contributorsInWords, type Lesson } from '../lesson';
import { LIFECYCLE_ACTIONS } from './lifecycle-ids';
import { onDay, techniqueInWords, who } from './words';

const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  recommendation: 'recommendation',
  observation: 'what happened',
  reason: 'why',
  tags: 'tags',
};

function changedFields(detail: Record<string, unknown>): string {
  const before = detail.before;
  const keys = typeof before === 'object' && before !== null ? Object.keys(before) : [];
  // jsonb keeps keys in its own order; the card's order is the form's.
  const names = Object.keys(FIELD_NAMES).filter((k) => keys.includes(k)).map((k) => FIELD_NAMES[k]);
  return names.length === 0 ? '' : ` (${names.join(', ')})`;
}

function eventLine(event: LessonEvent): string {
  const by = who(event.actor);
  switch (event.kind) {
    case 'validated':
      return `Validated by ${by}`;
    case 'approved': {
      const community = typeof event.detail.communityName === 'string' ? ` for ${event.detail.communityName}` : '';
      return `Approved by ${by}${community}`;
    }
    case 'applied': {
      const evidence = typeof event.detail.evidence === 'string' ? `: “${event.detail.evidence}”` : '';
      return `Used, as ${by} reported${evidence}`;
    }
    case 'edited':
      return `Edited by ${by}${changedFields(event.detail)}`;
    case 'archived':
      return `Archived by ${by}`;
    case 'restored':
      return `Restored by ${by}`;
  }
}

export function historyCard(lesson: Lesson, events: readonly LessonEvent[]): Card {
  const saved = `${onDay(lesson.createdAt)} · Saved from ${techniqueInWords(lesson.technique).toLowerCase()}, by ${contributorsInWords(lesson)}`;
  const lines = [saved, ...events.map((e) => `${onDay(e.at)} · ${eventLine(e)}`)];
  const heading = `History of “${lesson.title}”`;
  return card(
    `${heading}: ${lines.join('; ')}`,
    { type: 'heading', text: heading },
    { type: 'paragraph', text: lines.map((l) => `• ${l}`).join('\n') },
    { type: 'buttons', buttons: [{ action: LIFECYCLE_ACTIONS.open, label: 'Back to the lesson', value: lesson.id }] },
  );
}
