// Charts drawn on the server: a description checked at the edge, then SVG, a PNG small enough for a Teams card, alt text and a terminal chart.
import { ChartSpecError, renderChart } from '../../src/charts';

const marks = (counts: number[]) => ({
  kind: 'distribution',
  title: 'Marks out of 10',
  subtitle: `${counts.reduce((a, b) => a + b, 0)} people`,
  categories: Array.from({ length: 11 }, (_, i) => String(i)),
  counts,
  xLabel: 'Mark',
  yLabel: 'People',
});

const radar = {
  kind: 'radar',
  title: 'Self-assessment',
  axes: ['Leadership', 'Strategy', 'Sharing'].map((name) => ({ name, max: 5 })),
  series: [
    { name: 'Now', values: [3, 2, 4] },
    { name: 'A year ago', values: [2, 2, 3] },
  ],
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('charts', () => {
  it('draws the marks of 30 people as a PNG under 28 KB, the size Teams shows inline in a card', () => {
    const chart = renderChart(marks([0, 0, 0, 1, 1, 2, 5, 9, 7, 3, 2]));
    expect(pngSize(chart.png)).toEqual({ width: 640, height: 360 });
    expect(chart.png.length).toBeLessThan(28 * 1024);
    expect(chart.svg).toContain('<svg');
    expect(chart.svg).toContain('Marks out of 10');
    expect(chart.alt).toBe('Marks out of 10 (30 people). People by mark: 3: 1, 4: 1, 5: 2, 6: 5, 7: 9, 8: 7, 9: 3, 10: 2.');
  });

  it('draws the same SVG for the same description', () => {
    expect(renderChart(marks([1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 1])).svg).toBe(renderChart(marks([1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 1])).svg);
  });

  it('says there is nothing to show when nobody has given a mark, and still draws the axes', () => {
    const chart = renderChart(marks(Array<number>(11).fill(0)));
    expect(chart.alt).toBe('Marks out of 10 (0 people): nothing to show yet.');
    expect(pngSize(chart.png).width).toBe(640);
  });

  it('draws a radar with two series, described axis by axis', () => {
    const chart = renderChart(radar);
    expect(pngSize(chart.png)).toEqual({ width: 640, height: 480 });
    expect(chart.alt).toBe('Self-assessment. Now: Leadership 3 of 5, Strategy 2 of 5, Sharing 4 of 5. A year ago: Leadership 2 of 5, Strategy 2 of 5, Sharing 3 of 5.');
  });

  it('draws a terminal chart within 80 columns', () => {
    const { text } = renderChart(marks([0, 0, 0, 0, 0, 0, 2, 4, 1, 0, 0]));
    expect(text.slice(0, 2)).toEqual(['Marks out of 10', '7 people']);
    expect(text).toContain(' 7 │████████████████████████████████████████ 4');
    expect(text).toContain(' 0 │');
    for (const line of [...text, ...renderChart(radar).text]) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('names what is wrong with a description', () => {
    expect(() => renderChart({ ...marks([1]), counts: [1, 2] })).toThrow(new ChartSpecError('chart: counts: there must be one count for each category'));
    expect(() => renderChart(marks([-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/a count cannot be negative/);
    expect(() => renderChart({ ...radar, axes: radar.axes.slice(0, 2) })).toThrow(/at least three axes/);
    expect(() => renderChart({ ...radar, series: [{ name: 'Now', values: [6, 1, 1] }] })).toThrow(/above its axis maximum/);
    expect(() => renderChart({ kind: 'pie' })).toThrow(ChartSpecError);
  });
});
