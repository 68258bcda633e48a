// Turns findings into words for a message: 'an NHS number', '2 NHS numbers'.
import type { Detector } from './detector';
import { DETECTORS } from './detectors';
import type { Finding } from './guard';
import { listOf } from '../core/wording';

export function describeFindings(findings: readonly Finding[], detectors: readonly Detector[] = DETECTORS): string {
  const counts = new Map<string, { finding: Finding; count: number }>();
  for (const finding of findings) {
    const seen = counts.get(finding.kind);
    counts.set(finding.kind, { finding, count: (seen?.count ?? 0) + 1 });
  }
  const phrases = [...counts.values()].map(({ finding, count }) => {
    if (count > 1) return `${count} ${finding.label}s`;
    const article = detectors.find((d) => d.kind === finding.kind)?.article ?? 'a';
    return `${article} ${finding.label}`;
  });
  return phrases.length === 0 ? 'nothing' : listOf(phrases);
}
