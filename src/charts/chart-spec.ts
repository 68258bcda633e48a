// What a chart shows, checked at the module's edge: a distribution (marks out of 10) or a radar (a self-assessment).
import { z } from 'zod';

const label = z.string().trim().min(1, 'a label cannot be empty').max(60, 'a label can be up to 60 characters');

const distributionSchema = z
  .object({
    kind: z.literal('distribution'),
    title: label,
    /** A line under the title, e.g. "7 people · median 7". */
    subtitle: z.string().max(120).optional(),
    categories: z.array(label).min(1, 'a distribution needs at least one category').max(30, 'a distribution can have up to 30 categories'),
    counts: z.array(z.number().int('counts are whole numbers').min(0, 'a count cannot be negative')),
    xLabel: label,
    yLabel: label,
  })
  .refine((d) => d.counts.length === d.categories.length, { message: 'there must be one count for each category', path: ['counts'] });

const radarSchema = z
  .object({
    kind: z.literal('radar'),
    title: label,
    subtitle: z.string().max(120).optional(),
    axes: z.array(z.object({ name: label, max: z.number().positive('an axis needs a positive maximum') })).min(3, 'a radar needs at least three axes').max(12, 'a radar can have up to 12 axes'),
    series: z.array(z.object({ name: label, values: z.array(z.number().min(0, 'a score cannot be negative')) })).min(1, 'a radar needs at least one series').max(3, 'a radar can show up to three series'),
  })
  .refine((r) => r.series.every((s) => s.values.length === r.axes.length), { message: 'each series needs one value for each axis', path: ['series'] })
  .refine((r) => r.series.every((s) => s.values.every((v, i) => v <= (r.axes[i]?.max ?? 0))), { message: 'a value is above its axis maximum', path: ['series'] });

export const chartSpecSchema = z.union([distributionSchema, radarSchema]);
export type ChartSpec = z.infer<typeof chartSpecSchema>;
export type DistributionSpec = z.infer<typeof distributionSchema>;
export type RadarSpec = z.infer<typeof radarSchema>;

/** A description that does not fit, with what is wrong in words. */
export class ChartSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartSpecError';
  }
}

export function checkChartSpec(input: unknown): ChartSpec {
  const parsed = chartSpecSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ChartSpecError(`chart: ${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'not a chart description'}`);
}
