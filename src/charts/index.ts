// A chart from a description: SVG, PNG and alt text for chat, and plain text for a terminal.
import { altText } from './alt-text';
import { checkChartSpec } from './chart-spec';
import { svgToPng } from './png';
import { chartSvg } from './svg';
import { textChart } from './text-chart';

export { ChartSpecError, type ChartSpec } from './chart-spec';
export { CHART_SIZE } from './svg';

export interface RenderedChart {
  svg: string;
  png: Buffer;
  alt: string;
  text: string[];
}

/** `input` is checked first: a description that does not fit throws a ChartSpecError naming what is wrong. */
export function renderChart(input: unknown): RenderedChart {
  const spec = checkChartSpec(input);
  const svg = chartSvg(spec);
  return { svg, png: svgToPng(svg), alt: altText(spec), text: textChart(spec) };
}
