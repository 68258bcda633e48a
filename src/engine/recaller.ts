// How the engine fulfils a flow's RecallRequest: the lessons module reads the library and says what to post.
import type { Outgoing } from '../core/flow';
import type { Place } from '../core/model';
import type { Sql } from '../store/db';

export interface RecallContext {
  tenant: string;
  runId: string;
  /** The run's place (its thread). */
  place: Place;
  about: string;
  key: string;
}

/** Returns messages for the run's own stream, written in the same transaction as the step. */
export type Recaller = (tx: Sql, request: RecallContext, now: Date) => Promise<Outgoing[]>;
