// Drives the BAR flow one event at a time; the checks and card readers every review shares are in ../shared-harness.
import { ACTIONS, beforeActionReview, type BarState } from '../../../flows/before-action-review';
import type { Person } from '../../../src/core/model';
import { ReviewRun, fran } from '../shared-harness';

/** The people, card readers and step filters every review's tests use. */
export * from '../shared-harness';

export const TITLE = 'Go-live of e-prescribing on Ward 9';

export class Run extends ReviewRun<BarState> {
  constructor(title = TITLE, by: Person = fran) {
    super(beforeActionReview, ACTIONS, title, by);
  }
}
