// The Teams adapter: botbuilder's CloudAdapter receives on our HTTP server, and sends through the Bot Connector.
import type { RequestListener } from 'node:http';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Inbound } from '../../src/core/model';
import { errorText } from '../../src/log';
import { TeamsAddresses } from './addresses';
import { createTeamsChat, type TeamsChat } from './chat';
import type { TeamsAdapterConfig } from './config';
import { TeamsConnector } from './connector';
import { messagesEndpoint } from './http';
import { TeamsRenderer } from './render';
import { reshownWithProblems } from './form-reshow';
import { onTurn } from './turn';
import { welcomeCard } from './welcome-card';

/** Where the Bot Framework posts activities (the messaging endpoint registered on the Azure Bot). */
export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsAdapter {
  chat: TeamsChat;
  /** Mount at TEAMS_MESSAGES_PATH on our server. */
  requestListener: RequestListener;
  /** Waits for work already handed on (so a shutdown does not cut it short). */
  stop(): Promise<void>;
}

export function createTeamsAdapter(config: TeamsAdapterConfig): TeamsAdapter {
  const { log } = config;
  const credentials = {
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppTenantId: config.tenantId ?? '',
    MicrosoftAppType: config.appType ?? 'SingleTenant',
  };
  const adapter = config.appId
    ? new CloudAdapter(new ConfigurationBotFrameworkAuthentication(credentials, new ConfigurationServiceClientCredentialFactory(credentials)))
    : // No app id: botbuilder skips authentication both ways, and sends to the activity's serviceUrl without tokens.
      new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}, new ConfigurationServiceClientCredentialFactory({})));
  // No onTurnError: it would swallow a proactive send's failure, which the outbox must see to retry or give up.

  const addresses = new TeamsAddresses(config.addresses);
  const connector = new TeamsConnector(adapter, config.appId ?? '');
  const renderer = new TeamsRenderer(addresses, connector, log, config.commands);
  const chat = createTeamsChat({ addresses, connector, renderer });
  const commands = new Set(config.commands.map((c) => c.toLowerCase()));

  const pending = new Set<Promise<void>>();
  const track = (what: string, work: () => Promise<void>): void => {
    const running = work().catch((error: unknown) => {
      // Teams already has its answer; a failure is ours to log, never theirs to see.
      log.error(what, { error: errorText(error) });
    });
    pending.add(running);
    void running.finally(() => pending.delete(running));
  };

  const requestListener = messagesEndpoint({
    adapter,
    log,
    ...(config.maxBodyBytes === undefined ? {} : { maxBodyBytes: config.maxBodyBytes }),
    onTurn: (activity, ctx) =>
      onTurn(activity, ctx, {
        addresses,
        commands,
        log,
        hand: (event: Inbound) => config.handler.handle(event),
        reshow: (a, ctx, event) => reshownWithProblems({ forms: config.forms, addresses, renderer }, a, ctx, event),
        welcome: (place) =>
          track('teams welcome failed', async () => {
            await chat.post(place, welcomeCard());
          }),
      }),
  });

  return {
    chat,
    requestListener,
    async stop() {
      await Promise.all([...pending]);
    },
  };
}
