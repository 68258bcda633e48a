// Bolt listeners: translate, hand over to be kept, then acknowledge, so an acknowledged event is never lost.
import type { App } from '@slack/bolt';
import type { FormChecker } from '../../src/core/form-check';
import { NotAccepted, type InboundHandler } from '../../src/core/inbound-handler';
import type { Inbound } from '../../src/core/model';
import { errorText, type Logger } from '../../src/log';
import { actionsToInbounds } from './inbound/action';
import { commandToInbound } from './inbound/command';
import { viewToInbound } from './inbound/form';
import { modalErrors } from './modal-errors';
import { messageToInbound } from './inbound/message';

export function registerListeners(app: App, handler: InboundHandler, logger: Logger, forms?: FormChecker): void {
  const deliver = async (events: (Inbound | undefined)[]): Promise<void> => {
    for (const event of events) {
      if (event === undefined) continue;
      try {
        await handler.handle(event);
      } catch (error) {
        // Not kept and nobody told: an error answer makes Slack resend it (https://api.slack.com/apis/events-api#retries).
        if (error instanceof NotAccepted && !error.senderTold) throw error;
        if (error instanceof NotAccepted) continue;
        logger.error('slack event handling failed', { kind: event.kind, deliveryId: event.deliveryId, error: errorText(error) });
      }
    }
  };

  // Over HTTP the receiver holds its answer until the listener is done (processBeforeResponse), so every ack follows
  // the event being kept; in Socket Mode the ack goes when called, so it is called last.
  app.command(/^\/.+/, async ({ ack, body }) => {
    await deliver([commandToInbound(body)]);
    await ack();
  });

  app.event('message', async ({ body }) => {
    await deliver([messageToInbound(body)]);
  });

  app.action({ type: 'block_actions' }, async ({ ack, body }) => {
    await deliver(actionsToInbounds(body));
    await ack();
  });

  // An empty ack closes the modal; forms we did not open are closed and ignored. A wrong answer keeps the modal open with
  // the problem under its field and everything typed kept, and nothing is handed over.
  app.view({ type: 'view_submission' }, async ({ ack, body }) => {
    const event = viewToInbound(body);
    const problems = event?.kind === 'form' && forms ? forms.check(event.form, event.fields) : [];
    if (problems.length > 0) {
      await ack(modalErrors(problems));
      return;
    }
    await deliver([event]);
    await ack();
  });

  app.error(async (error) => {
    // Bolt answers 200 to whatever its error handler swallows, so a refusal is passed back for a 500 (Slack resends).
    if (refusedUntold(error)) throw error;
    logger.error('slack listener error', { code: error.code, error: error.message });
  });
}

/** Bolt wraps a listener's error (UnknownError's `original`, or several in `originals`). */
function refusedUntold(error: unknown): boolean {
  if (error instanceof NotAccepted) return !error.senderTold;
  if (typeof error !== 'object' || error === null) return false;
  const inner = [('original' in error ? error.original : undefined), ...('originals' in error && Array.isArray(error.originals) ? error.originals : [])];
  return inner.some((e) => e instanceof NotAccepted && !e.senderTold);
}
