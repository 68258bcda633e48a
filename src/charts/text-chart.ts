// A chart for a terminal: bars of █ for a distribution, a score line per axis for a radar, within 80 columns.
import type { ChartSpec, DistributionSpec, RadarSpec } from './chart-spec';

const BAR_WIDTH = 40;

function bar(value: number, max: number): string {
  const width = max === 0 ? 0 : Math.round((value / max) * BAR_WIDTH);
  return '█'.repeat(width);
}

function distributionLines(d: DistributionSpec): string[] {
  const most = Math.max(0, ...d.counts);
  const pad = Math.max(...d.categories.map((c) => c.length));
  return d.categories.map((c, i) => {
    const count = d.counts[i] ?? 0;
    return `${c.padStart(pad)} │${bar(count, most)}${count > 0 ? ` ${count}` : ''}`;
  });
}

function radarLines(r: RadarSpec): string[] {
  const pad = Math.max(...r.axes.map((a) => a.name.length));
  return r.series.flatMap((s) => [
    `${s.name}:`,
    ...r.axes.map((a, i) => `  ${a.name.padEnd(pad)} │${bar(s.values[i] ?? 0, a.max)} ${s.values[i] ?? 0}/${a.max}`),
  ]);
}

export function textChart(spec: ChartSpec): string[] {
  const head = [spec.title, ...(spec.subtitle === undefined ? [] : [spec.subtitle])];
  return [...head, ...(spec.kind === 'distribution' ? distributionLines(spec) : radarLines(spec))];
}
