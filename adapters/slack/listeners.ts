// Bolt listeners: acknowledge first (Slack wants an answer within 3 s), then translate and hand over.
import type { App } from '@slack/bolt';
import type { InboundHandler } from '../../src/core/inbound-handler';
import type { Inbound } from '../../src/core/model';
import { errorText, type Logger } from '../../src/log';
import { actionsToInbounds } from './inbound/action';
import { commandToInbound } from './inbound/command';
import { viewToInbound } from './inbound/form';
import { messageToInbound } from './inbound/message';

export function registerListeners(app: App, handler: InboundHandler, logger: Logger): void {
  const deliver = async (events: (Inbound | undefined)[]): Promise<void> => {
    for (const event of events) {
      if (event === undefined) continue;
      try {
        await handler.handle(event);
      } catch (error) {
        // The user already has their ack; a failure is ours to log, never theirs to see.
        logger.error('slack event handling failed', { kind: event.kind, deliveryId: event.deliveryId, error: errorText(error) });
      }
    }
  };

  app.command(/^\/.+/, async ({ ack, body }) => {
    await ack();
    await deliver([commandToInbound(body)]);
  });

  // Events API requests are acked by Bolt before listeners run.
  app.event('message', async ({ body }) => {
    await deliver([messageToInbound(body)]);
  });

  app.action({ type: 'block_actions' }, async ({ ack, body }) => {
    await ack();
    await deliver(actionsToInbounds(body));
  });

  // An empty ack closes the modal; forms we did not open are closed and ignored.
  app.view({ type: 'view_submission' }, async ({ ack, body }) => {
    await ack();
    await deliver([viewToInbound(body)]);
  });

  app.error(async (error) => {
    logger.error('slack listener error', { code: error.code, error: error.message });
  });
}
