import type { Inbound } from './model';

/** What adapters hand translated events to (the engine). Resolves once the event is stored. */
export interface InboundHandler {
  handle(event: Inbound): Promise<void>;
}
