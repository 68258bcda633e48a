import type { Inbound } from './model';

/** What adapters hand translated events to (the spool, or the engine in the sandbox). Resolves once the event is kept. */
export interface InboundHandler {
  handle(event: Inbound): Promise<void>;
}

/**
 * The handler could not keep the event (Mobilise is full or stopping). When its sender was told to send it again the
 * adapter acknowledges it; otherwise it answers with an error so that the platform resends it.
 */
export class NotAccepted extends Error {
  constructor(
    reason: string,
    readonly senderTold: boolean,
  ) {
    super(reason);
    this.name = 'NotAccepted';
  }
}
