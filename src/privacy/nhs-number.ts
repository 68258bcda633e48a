import type { Detector, Span } from './detector';
import { isValidNhsNumber } from './modulus-11';

// Ten digits, each pair optionally split by one space or hyphen (pasted text brings no-break spaces and dashes).
const CANDIDATE = /(?<!\d)\d(?:[ \u00a0\-\u2010-\u2013]?\d){9}(?!\d)/g;

function findNhsNumbers(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const digits = match[0].replace(/\D/g, '');
    if (isValidNhsNumber(digits)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    } else {
      // A failed candidate may hide a valid one that starts a few digits later.
      pattern.lastIndex = match.index + 1;
    }
  }
  return spans;
}

export const nhsNumber: Detector = {
  kind: 'nhs-number',
  label: 'NHS number',
  article: 'an',
  find: findNhsNumbers,
};
