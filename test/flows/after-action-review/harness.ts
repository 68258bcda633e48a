// Drives the AAR flow one event at a time; the checks and card readers every review shares are in ../shared-harness.
import { ACTIONS, afterActionReview, type AarState } from '../../../flows/after-action-review';
import type { Person } from '../../../src/core/model';
import { ReviewRun, alex, fran, sam } from '../shared-harness';

/** The people, card readers and step filters every review's tests use. */
export * from '../shared-harness';

export const TITLE = 'Go-live of e-prescribing on Ward 7';

export class Run extends ReviewRun<AarState> {
  constructor(title = TITLE, by: Person = fran) {
    super(afterActionReview, ACTIONS, title, by);
  }
}

/** A run with answers to every question, now showing the summary. */
export function reviewedRun(): Run {
  const run = new Run();
  run.answer(alex, 'Switch over at 8am with paper charts retired. #e-prescribing', 'm1');
  run.advance();
  run.answer(alex, 'Most charts moved over smoothly.', 'm2');
  run.answer(sam, 'Night staff had no log-ins ready. #access', 'm3');
  run.advance();
  run.answer(sam, 'Accounts were requested too late.', 'm4');
  run.advance();
  run.answer(sam, 'Request log-ins two weeks before go-live. Check them with each shift lead.', 'm5');
  run.answer(alex, 'Keep a paper fallback for the first 48 hours #Resilience', 'm6');
  run.advance();
  return run;
}
