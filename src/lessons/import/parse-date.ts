// Dates as UK spreadsheets write them: 2024-02-28 or 28/02/2024, and only days that exist.

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A full ISO 8601 time with its offset, as Mobilise's export writes createdAt (2024-04-06T10:00:00.000Z). */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * Midnight UTC on that day, so the library shows the same date in every time zone, or the exact instant of a full
 * ISO time; undefined if no such day.
 */
export function parseLessonDate(text: string): Date | undefined {
  const instant = ISO_INSTANT.exec(text);
  if (instant) {
    const day = parseLessonDate(`${instant[1]}-${instant[2]}-${instant[3]}`);
    const at = new Date(text);
    return day === undefined || Number.isNaN(at.getTime()) ? undefined : at;
  }
  const iso = ISO_DAY.exec(text);
  const uk = UK_DAY.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : undefined;
  if (parts === undefined) return undefined;
  const [year, month, day] = parts.map(Number);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over into March; a real day survives the round trip unchanged.
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1900 ? date : undefined;
}
