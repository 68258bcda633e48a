// SVG to PNG with resvg (no browser), with the chart's font bundled, so a laptop without it draws the same text.
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT } from './svg';

/** DejaVu Sans from the dejavu-fonts-ttf package (free licence), found wherever npm put it. */
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => path.join(FONT_DIR, file));

export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    background: '#FFFFFF',
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  });
  return resvg.render().asPng();
}
