// What each action handler gets, and the small helpers they share.
import type { Card } from '../../core/card';
import { whisperReply, type ServiceReply } from '../../core/command-service';
import type { Person } from '../../core/model';
import type { Sql } from '../../store/db';
import type { LessonsEvent } from '../lessons-handler';

export interface ActionContext {
  tx: Sql;
  event: LessonsEvent;
  tenant: string;
  now: Date;
}

/** Only the person who pressed or submitted sees it. */
export function whisper(ctx: ActionContext, card: Card): ServiceReply {
  return whisperReply(ctx.event.from, card);
}

/** People in a form's person field come back as bare ids of the presser's platform tenant (which sends to them). */
export function personById(ctx: ActionContext, id: string): Person {
  return id === ctx.event.from.id ? ctx.event.from : { platform: ctx.event.from.platform, tenant: ctx.event.from.tenant, id };
}
