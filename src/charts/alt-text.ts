// A chart in words, for screen readers and for anyone whose client shows no images.
import type { ChartSpec, DistributionSpec, RadarSpec } from './chart-spec';

function distributionAlt(d: DistributionSpec): string {
  const total = d.counts.reduce((a, b) => a + b, 0);
  const head = `${d.title}${d.subtitle === undefined ? '' : ` (${d.subtitle})`}`;
  if (total === 0) return `${head}: nothing to show yet.`;
  const parts = d.categories.flatMap((c, i) => ((d.counts[i] ?? 0) > 0 ? [`${c}: ${d.counts[i]}`] : []));
  return `${head}. ${d.yLabel} by ${d.xLabel.toLowerCase()}: ${parts.join(', ')}.`;
}

function radarAlt(r: RadarSpec): string {
  const series = r.series.map((s) => `${s.name}: ${r.axes.map((a, i) => `${a.name} ${s.values[i]} of ${a.max}`).join(', ')}`);
  return `${r.title}${r.subtitle === undefined ? '' : ` (${r.subtitle})`}. ${series.join('. ')}.`;
}

export function altText(spec: ChartSpec): string {
  return spec.kind === 'distribution' ? distributionAlt(spec) : radarAlt(spec);
}
