// Why `mobilise lessons export` found nothing, so a mistyped --tenant is not mistaken for an empty library.
import { listOf } from '../core/wording';
import type { Sql } from '../store/db';
import { hasLessons, lessonTenants, type LessonFilter } from '../store/lessons';

/** Organisations named at most, so a library of hundreds stays one readable line. */
const SHOWN = 10;

export interface EmptyExport {
  /** One sentence, for the Markdown export and for stderr. */
  sentence: string;
  /** True when --tenant names an organisation with no lessons at all: worth saying even when stdout is JSON or CSV. */
  unknownTenant: boolean;
}

function isFiltered(filter: LessonFilter): boolean {
  return (filter.tags ?? []).length > 0 || filter.technique !== undefined || filter.status !== undefined || filter.since !== undefined;
}

export async function whyEmpty(db: Sql, filter: LessonFilter): Promise<EmptyExport> {
  const { tenant } = filter;
  if (tenant === undefined) {
    return { sentence: isFiltered(filter) ? 'No lessons match these filters.' : 'No lessons have been saved yet.', unknownTenant: false };
  }
  if (await hasLessons(db, tenant)) return { sentence: `No lessons in organisation ${tenant} match these filters.`, unknownTenant: false };
  // Tenant keys are ids, not people, and this command can export every organisation anyway: safe to name them.
  const others = await lessonTenants(db, SHOWN + 1);
  const named = others.length > SHOWN ? `${others.slice(0, SHOWN).join(', ')} and more` : listOf(others);
  const where = others.length === 0 ? 'No organisation has any lessons yet.' : `Organisations with lessons: ${named}.`;
  return { sentence: `No lessons for organisation ${tenant}. ${where}`, unknownTenant: true };
}
