// Draws the Teams app icons (a rounded "M"): color.png 192x192 on NHS blue, outline.png 32x32 white on transparent.
// Run `npx tsx manifest/teams/make-icons.ts` after changing the drawing; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './png';

type Point = readonly [number, number];

// The "M" as one stroke, in a unit square (0,0 top left).
const M: readonly Point[] = [
  [0.3, 0.7],
  [0.3, 0.32],
  [0.5, 0.56],
  [0.7, 0.32],
  [0.7, 0.7],
];

const NHS_BLUE = [0x00, 0x5e, 0xb8] as const;
const SUBSAMPLES = 4;

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onStroke(p: Point, halfWidth: number): boolean {
  return M.slice(1).some((b, i) => distanceToSegment(p, M[i] ?? b, b) <= halfWidth);
}

/** How much of each pixel the stroke covers, 0 to 1, by sampling a grid inside the pixel. */
function coverage(size: number, halfWidth: number): Float64Array {
  const out = new Float64Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const p: Point = [(x + (sx + 0.5) / SUBSAMPLES) / size, (y + (sy + 0.5) / SUBSAMPLES) / size];
          if (onStroke(p, halfWidth)) hits++;
        }
      }
      out[y * size + x] = hits / (SUBSAMPLES * SUBSAMPLES);
    }
  }
  return out;
}

/** Full colour: white "M" on a solid blue square (Teams rounds the corners itself). */
export function colourIcon(): Buffer {
  const size = 192;
  const cover = coverage(size, 0.05);
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    for (let ch = 0; ch < 3; ch++) rgba[i * 4 + ch] = Math.round((NHS_BLUE[ch] ?? 0) * (1 - c) + 255 * c);
    rgba[i * 4 + 3] = 255;
  });
  return encodePng(size, size, rgba);
}

/** Outline: white "M" on transparent, as Teams asks for its monochrome places. */
export function outlineIcon(): Buffer {
  const size = 32;
  const cover = coverage(size, 0.06);
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    rgba.fill(255, i * 4, i * 4 + 3);
    rgba[i * 4 + 3] = Math.round(255 * c);
  });
  return encodePng(size, size, rgba);
}

if (require.main === module) {
  writeFileSync(join(__dirname, 'color.png'), colourIcon());
  writeFileSync(join(__dirname, 'outline.png'), outlineIcon());
  console.log('Wrote manifest/teams/color.png (192x192) and manifest/teams/outline.png (32x32).');
}
