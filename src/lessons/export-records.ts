// What a Markdown export tells beside each lesson: the review it came from, its history and its actions.
import type { Sql } from '../store/db';
import { actionsOfLessons, type LessonAction } from '../store/lesson-actions';
import { eventsOfLessons, type LessonEvent } from '../store/lesson-events';
import { reviewTitles } from '../store/lessons';
import type { Lesson } from './lesson';

export interface LessonRecord {
  reviewTitle?: string;
  events: LessonEvent[];
  actions: LessonAction[];
}

/** Three queries for the whole export, whatever its size. */
export async function lessonRecords(db: Sql, lessons: readonly Lesson[]): Promise<Map<string, LessonRecord>> {
  const ids = lessons.map((l) => l.id);
  const [titles, events, actions] = [await reviewTitles(db, ids), await eventsOfLessons(db, ids), await actionsOfLessons(db, ids)];
  const records = new Map<string, LessonRecord>();
  for (const id of ids) {
    const title = titles.get(id);
    records.set(id, { ...(title === undefined ? {} : { reviewTitle: title }), events: [], actions: [] });
  }
  for (const event of events) records.get(event.lessonId)?.events.push(event);
  for (const action of actions) if (action.lessonId !== undefined) records.get(action.lessonId)?.actions.push(action);
  return records;
}
