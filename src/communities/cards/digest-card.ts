// The weekly digest a community's channel gets, or the one line it gets after a quiet week.
import { DateTime } from 'luxon';
import { card, type Block, type Card } from '../../core/card';
import { mention } from '../../core/model';
import type { DigestLesson, DueAction } from '../../store/digest';
import type { ActivityCounts, Digest } from '../digest-content';
import { contributorInWords, countOf, listOf, tagsInWords } from './wording';

/** Longer lists end with a count, so the digest stays a glance, not a report. */
const MAX_LISTED = 8;

export interface DigestCardInput {
  name: string;
  tags: string[];
  timeZone: string;
  /** The end of the week the digest covers. */
  slot: Date;
  digest: Digest;
}

function day(date: Date | string, timeZone: string): string {
  const d = typeof date === 'string' ? DateTime.fromISO(date) : DateTime.fromJSDate(date, { zone: timeZone });
  return d.setLocale('en-GB').toFormat('cccc d LLLL');
}

function lessonLine(lesson: DigestLesson, extra: string): string {
  const link = lesson.url === undefined ? '' : ` · ${lesson.url}`;
  return `• *${lesson.title}* ${tagsInWords(lesson.tags)}${extra}${link}`;
}

function fromWhom(lesson: DigestLesson): string {
  return lesson.contributors.length === 0 ? '' : `, from ${listOf(lesson.contributors.map(contributorInWords))}`;
}

function actionLine(action: DueAction, today: string, timeZone: string): string {
  const when = action.dueOn < today ? `overdue since ${day(action.dueOn, timeZone)}` : `due ${day(action.dueOn, timeZone)}`;
  const about = action.lessonTitle === undefined ? '' : ` (from “${action.lessonTitle}”)`;
  return `• ${action.text}${about}: ${mention(action.owner)}, ${when}`;
}

function section(title: string, lines: string[], moreHint: string): Block[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, MAX_LISTED);
  const more = lines.length > shown.length ? `\n…and ${lines.length - shown.length} more. ${moreHint}` : '';
  return [{ type: 'paragraph', text: `*${title}*\n${shown.join('\n')}${more}` }];
}

/** 'This week: 3 new lessons, 1 approved, 2 actions done and 5 pieces of feedback.' */
export function countsInWords(counts: ActivityCounts): string {
  const parts = [
    countOf(counts.newLessons, 'new lesson'),
    `${counts.approvals} approved`,
    `${counts.applied} put into practice`,
    countOf(counts.actionsDone, 'action done', 'actions done'),
    countOf(counts.feedback, 'piece of feedback', 'pieces of feedback'),
  ];
  return `This week: ${listOf(parts)}.`;
}

export function digestCard(input: DigestCardInput): Card {
  const { digest, timeZone } = input;
  const today = DateTime.fromJSDate(input.slot, { zone: timeZone }).toISODate() ?? '';
  const since = DateTime.fromJSDate(input.slot, { zone: timeZone }).minus({ weeks: 1 }).toISODate() ?? '';
  const search = `Search them with /lessons ${input.tags.map((t) => `#${t}`)[0] ?? ''} since:${since}`;
  const heading = `Weekly digest: ${input.name}`;
  const intro = `What happened in ${tagsInWords(input.tags)} in the week to ${day(input.slot, timeZone)}.`;
  const blocks: Block[] = [
    ...section(`New lessons (${digest.newLessons.length})`, digest.newLessons.map((l) => lessonLine(l, fromWhom(l))), search),
    ...section(
      `Newly approved (${digest.approved.length})`,
      digest.approved.map((a) => lessonLine(a.lesson, `, approved by ${mention(a.by)}`)),
      search,
    ),
    ...section(
      `Actions due or overdue (${digest.dueActions.length})`,
      digest.dueActions.map((a) => actionLine(a, today, timeZone)),
      'Each owner is reminded on the day.',
    ),
    ...section(
      'Most useful recalled lessons',
      digest.useful.map((f) => lessonLine(f.lesson, `: ${countOf(f.useful, 'person', 'people')} found it useful`)),
      '',
    ),
  ];
  const who = digest.contributors.length === 0 ? undefined : `Thank you to ${listOf(digest.contributors.map(contributorInWords))}.`;
  const counts = countsInWords(digest.counts);
  const tail: Block[] = [...(who === undefined ? [] : [{ type: 'paragraph' as const, text: who }]), { type: 'context', text: counts }];
  const all: Block[] = [{ type: 'heading', text: heading }, { type: 'paragraph', text: intro }, ...blocks, ...tail];
  const text = [heading, intro, ...blocks.map((b) => (b.type === 'paragraph' ? b.text : '')), who ?? '', counts]
    .filter((line) => line !== '')
    .join('\n');
  return card(text, ...all);
}

/** A quiet week still gets a word, so people know the digest is alive. */
export function quietWeekCard(input: Omit<DigestCardInput, 'digest'>): Card {
  const text =
    `A quiet week in ${input.name}: nothing new in ${tagsInWords(input.tags)} in the week to ${day(input.slot, input.timeZone)}. ` +
    'Lessons saved with these tags will show up here.';
  return card(text, { type: 'paragraph', text });
}
