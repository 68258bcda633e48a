// Finds patient identifiers and hides them, so they never reach stored state or shared messages.
import type { Detector, Span } from './detector';
import { DETECTORS } from './detectors';

/** What was found; never the matched text itself. */
export interface Finding {
  kind: string;
  label: string;
}

export interface Guarded {
  masked: string;
  findings: Finding[];
}

interface Hit extends Span {
  detector: Detector;
}

function hitsIn(text: string, detectors: readonly Detector[]): Hit[] {
  const all = detectors.flatMap((detector) => detector.find(text).map((span) => ({ ...span, detector })));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping hits would mask the same characters twice; the earliest, longest one wins.
  const kept: Hit[] = [];
  for (const hit of all) {
    const last = kept[kept.length - 1];
    if (!last || hit.start >= last.end) kept.push(hit);
  }
  return kept;
}

export function maskFor(detector: Detector): string {
  return `[${detector.label} removed]`;
}

export function guardText(text: string, detectors: readonly Detector[] = DETECTORS): Guarded {
  const hits = hitsIn(text, detectors);
  let masked = '';
  let from = 0;
  for (const hit of hits) {
    masked += text.slice(from, hit.start) + maskFor(hit.detector);
    from = hit.end;
  }
  masked += text.slice(from);
  return {
    masked,
    findings: hits.map(({ detector }) => ({ kind: detector.kind, label: detector.label })),
  };
}

export function isClean(text: string, detectors: readonly Detector[] = DETECTORS): boolean {
  return detectors.every((detector) => detector.find(text).length === 0);
}
