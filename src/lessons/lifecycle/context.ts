// What each lifecycle step gets, and the reply they all end with: the lesson's card, refreshed.
import type { Card } from '../../core/card';
import { refuseButton } from '../../core/button-value';
import { whisperReply, type ServiceReply } from '../../core/command-service';
import type { Person } from '../../core/model';
import type { Sql } from '../../store/db';
import { lessonEvents } from '../../store/lesson-events';
import { lessonInTenant } from '../../store/lesson-lifecycle';
import type { Lesson } from '../lesson';
import type { LessonsEvent } from '../lessons-handler';
import { lessonCard } from './lesson-card';
import { rightsOf } from './rights';

export interface LifeContext {
  tx: Sql;
  event: LessonsEvent;
  from: Person;
  /** Every lesson is looked up inside the organisation the event came from (`organisationOf`); another's reads as unknown. */
  tenant: string;
  now: Date;
}

export function whisper(ctx: LifeContext, ...cards: Card[]): ServiceReply {
  return whisperReply(ctx.from, ...cards);
}

/** The lesson's card as this person sees it, read afresh, with a note on top when there is one. */
export async function showLesson(ctx: LifeContext, lessonId: string, note?: string): Promise<ServiceReply> {
  const lesson = await lessonInTenant(ctx.tx, ctx.tenant, lessonId);
  if (!lesson) return refuseButton(ctx.from);
  const events = await lessonEvents(ctx.tx, ctx.tenant, lesson.id);
  const rights = await rightsOf(ctx.tx, lesson, ctx.from);
  return whisper(ctx, lessonCard({ lesson, events, rights }, note));
}

/** The lesson held for a change (so two presses at once are taken one after the other), or undefined. */
export function lessonToChange(ctx: LifeContext, lessonId: string | undefined): Promise<Lesson | undefined> {
  return lessonId === undefined ? Promise.resolve(undefined) : lessonInTenant(ctx.tx, ctx.tenant, lessonId, true);
}

export function triggerOf(ctx: LifeContext): string | undefined {
  return ctx.event.kind === 'action' ? ctx.event.trigger : undefined;
}
