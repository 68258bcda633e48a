// One part of the lessons service: the buttons and forms whose ids start with its prefix.
import type { ServiceReply } from '../core/command-service';
import type { FormChecks } from '../core/form-check';
import type { Inbound } from '../core/model';
import type { Sql } from '../store/db';

export type LessonsEvent = Extract<Inbound, { kind: 'action' | 'form' }>;

export interface LessonsHandler {
  /** e.g. 'lessons:life:'; always under the service's own 'lessons:'. */
  prefix: string;
  handle(tx: Sql, event: LessonsEvent, now: Date): Promise<ServiceReply>;
  formChecks?: FormChecks;
}
