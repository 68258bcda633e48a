// A chart description drawn as SVG by Apache ECharts' server-side renderer: no browser and no DOM.
import * as echarts from 'echarts';
import type { ChartSpec, DistributionSpec, RadarSpec } from './chart-spec';

/** Wide for bars; taller for a radar, whose labels sit around it. */
export const CHART_SIZE = { distribution: { width: 640, height: 360 }, radar: { width: 640, height: 480 } } as const;
/** The font the PNG renderer is given (see png.ts), so text is measured and drawn alike everywhere. */
export const CHART_FONT = 'DejaVu Sans';
/** NHS Blue and NHS Dark Grey on white: a contrast above 7:1, and a pair told apart without colour vision. */
const COLOURS = ['#005EB8', '#425563', '#ED8B00'];
const TEXT = '#212B32';

type Option = echarts.EChartsOption;

const textStyle = { fontFamily: CHART_FONT, color: TEXT };

function titleOf(spec: ChartSpec): Option['title'] {
  return {
    text: spec.title,
    subtext: spec.subtitle ?? '',
    left: 'center',
    textStyle: { ...textStyle, fontSize: 18, fontWeight: 'bold' },
    subtextStyle: { ...textStyle, fontSize: 13 },
  };
}

function distributionOption(d: DistributionSpec): Option {
  return {
    animation: false,
    backgroundColor: '#FFFFFF',
    textStyle,
    title: titleOf(d),
    grid: { left: 64, right: 24, top: 72, bottom: 56 },
    xAxis: { type: 'category', data: d.categories, name: d.xLabel, nameLocation: 'middle', nameGap: 32, axisLabel: { color: TEXT } },
    yAxis: { type: 'value', name: d.yLabel, nameLocation: 'middle', nameGap: 40, minInterval: 1, axisLabel: { color: TEXT } },
    series: [{ type: 'bar', data: d.counts, itemStyle: { color: COLOURS[0] }, label: { show: true, position: 'top', color: TEXT, formatter: (p) => (Number(p.value) > 0 ? String(p.value) : '') } }],
  };
}

function radarOption(r: RadarSpec): Option {
  return {
    animation: false,
    backgroundColor: '#FFFFFF',
    textStyle,
    title: titleOf(r),
    legend: { bottom: 8, data: r.series.map((s) => s.name), textStyle },
    radar: { center: ['50%', '54%'], radius: '56%', indicator: r.axes.map((a) => ({ name: a.name, max: a.max })), axisName: { color: TEXT } },
    series: [
      {
        type: 'radar',
        data: r.series.map((s, i) => ({ name: s.name, value: s.values, lineStyle: { color: COLOURS[i], width: 2, type: i === 0 ? 'solid' : 'dashed' }, itemStyle: { color: COLOURS[i] }, areaStyle: { color: COLOURS[i], opacity: 0.12 } })),
      },
    ],
  };
}

export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE[spec.kind] });
  try {
    chart.setOption(spec.kind === 'distribution' ? distributionOption(spec) : radarOption(spec));
    return stableClassNames(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** ECharts numbers its CSS classes across every chart a process draws; renumbered, the same chart is the same SVG. */
function stableClassNames(svg: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-cls-\d+\b/g, (name) => {
    const known = names.get(name) ?? `chart-cls-${names.size}`;
    names.set(name, known);
    return known;
  });
}
