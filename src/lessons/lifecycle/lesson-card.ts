// A lesson as the person who opened it sees it: what it says, where it stands, and what they can do next.
import { card, type Block, type Button, type Card } from '../../core/card';
import type { LessonEvent } from '../../store/lesson-events';
import { contributorsInWords, type Lesson } from '../lesson';
import { ADD_ACTION, LIFECYCLE_ACTIONS } from './lifecycle-ids';
import type { Rights } from './rights';
import { onDay, tagsInWords, techniqueInWords, who } from './words';

export interface LessonView {
  lesson: Lesson;
  /** Its history, oldest first. */
  events: LessonEvent[];
  /** What the person looking at it may do. */
  rights: Rights;
}

const STATUS_TITLES: Record<Lesson['status'], string> = { draft: 'Draft', validated: 'Validated', approved: 'Approved', applied: 'Applied' };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** 'Validated by <@U2> on 21 November 2026', from the event that moved it there. */
export function statusInWords(lesson: Lesson, events: readonly LessonEvent[]): string {
  if (lesson.status === 'draft') return 'Draft, not yet validated';
  const move = events.filter((e) => e.kind === lesson.status).at(-1);
  // Imported lessons may arrive with a status and no history.
  if (!move) return STATUS_TITLES[lesson.status];
  const community = text(move.detail.communityName);
  const through = lesson.status === 'approved' && community ? ` for ${community}` : '';
  return `${STATUS_TITLES[lesson.status]} by ${who(move.actor)}${through} on ${onDay(move.at)}`;
}

function usesOf(events: readonly LessonEvent[]): Block[] {
  const uses = events.filter((e) => e.kind === 'applied');
  const latest = uses.at(-1);
  const evidence = latest && text(latest.detail.evidence);
  if (!latest || !evidence) return [];
  const more = uses.length > 1 ? ` (${uses.length} uses reported)` : '';
  return [{ type: 'paragraph', text: `*How it was used:* ${evidence}\n— ${who(latest.actor)}, ${onDay(latest.at)}${more}` }];
}

function nextButtons(view: LessonView): Button[] {
  const { lesson, rights } = view;
  const value = lesson.id;
  const history: Button = { action: LIFECYCLE_ACTIONS.history, label: 'History', value };
  if (lesson.archivedAt !== undefined) {
    return [...(rights.lookAfter ? [{ action: LIFECYCLE_ACTIONS.restore, label: 'Restore', value }] : []), history];
  }
  const moves: Button[] = [];
  if (lesson.status === 'draft' && rights.validate) moves.push({ action: LIFECYCLE_ACTIONS.validate, label: 'Validate', value, style: 'primary' });
  if (lesson.status === 'validated' && rights.approveAs) moves.push({ action: LIFECYCLE_ACTIONS.approve, label: 'Approve', value, style: 'primary' });
  // Evidence of use is worth having as soon as the lesson is confirmed real, without waiting for a community.
  if (lesson.status !== 'draft') {
    moves.push({ action: LIFECYCLE_ACTIONS.apply, label: lesson.status === 'applied' ? 'I used it too' : 'Mark applied', value });
  }
  const care: Button[] = rights.lookAfter
    ? [
        { action: LIFECYCLE_ACTIONS.edit, label: 'Edit', value },
        { action: LIFECYCLE_ACTIONS.archive, label: 'Archive', value, style: 'danger' },
      ]
    : [];
  return [...moves, { action: ADD_ACTION, label: 'Add action', value }, ...care, history];
}

/** Says who can take the next step when it is not the viewer. */
function hint(view: LessonView): string | undefined {
  const { lesson, rights } = view;
  if (lesson.archivedAt !== undefined) return undefined;
  if (lesson.status === 'draft' && !rights.validate) return 'You contributed to this lesson, so a colleague who did not will need to validate it.';
  if (lesson.status === 'validated' && !rights.approveAs) {
    const approver = lesson.tags.length === 0 ? 'a community owner' : `an owner of a community of practice for ${tagsInWords(lesson.tags)}`;
    if (rights.contributor) return `You contributed to this lesson, so ${approver} who did not will need to approve it.`;
    return lesson.tags.length === 0
      ? 'The owner of any community of practice here can approve it.'
      : `The owner of a community of practice for ${tagsInWords(lesson.tags)} can approve it.`;
  }
  return undefined;
}

function archivedNote(view: LessonView): string | undefined {
  const { lesson, events } = view;
  if (lesson.archivedAt === undefined) return undefined;
  const by = events.filter((e) => e.kind === 'archived').at(-1);
  const byWhom = by ? ` by ${who(by.actor)}` : '';
  return `Archived${byWhom} on ${onDay(lesson.archivedAt)}. It is kept, but no longer appears in searches or digests.`;
}

export function lessonCard(view: LessonView, note?: string): Card {
  const { lesson, events } = view;
  const status = statusInWords(lesson, events);
  const source = lesson.source.url === undefined ? '' : ` · source thread: ${lesson.source.url}`;
  const blocks: Block[] = [
    ...(note === undefined ? [] : ([{ type: 'paragraph', text: note }, { type: 'divider' }] as Block[])),
    { type: 'heading', text: lesson.title },
    { type: 'paragraph', text: `*Recommendation:* ${lesson.recommendation}` },
    ...(lesson.observation.trim() === '' ? [] : ([{ type: 'paragraph', text: `*What happened:* ${lesson.observation}` }] as Block[])),
    ...(lesson.reason.trim() === '' ? [] : ([{ type: 'paragraph', text: `*Why:* ${lesson.reason}` }] as Block[])),
    {
      type: 'fields',
      fields: [
        { label: 'Status', value: status },
        { label: 'Tags', value: tagsInWords(lesson.tags) },
        { label: 'Technique', value: techniqueInWords(lesson.technique) },
        { label: 'Contributors', value: contributorsInWords(lesson) },
      ],
    },
    ...usesOf(events),
    { type: 'context', text: `Saved on ${onDay(lesson.createdAt)}${source}` },
  ];
  const archived = archivedNote(view);
  if (archived !== undefined) blocks.push({ type: 'context', text: archived });
  const next = hint(view);
  if (next !== undefined) blocks.push({ type: 'context', text: next });
  blocks.push({ type: 'buttons', buttons: nextButtons(view) });
  const fallback = `${note === undefined ? '' : `${note} `}${lesson.title}: ${lesson.recommendation} (${status})`;
  return card(fallback, ...blocks);
}
