import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const dir = join(__dirname, '..', '..', 'manifest', 'slack');
const EVENTS_URL = 'https://mobilise.example.nhs.uk/slack/events';

// Only what Mobilise depends on; loose() keeps any other fields Slack accepts.
const manifestSchema = z
  .object({
    display_information: z
      .object({
        name: z.string().min(1).max(35),
        description: z.string().max(140),
        long_description: z.string().min(175).max(4000),
        background_color: z.string().regex(/^#[0-9a-f]{6}$/i),
      })
      .loose(),
    features: z
      .object({
        bot_user: z.object({ display_name: z.string().regex(/^[a-z0-9._-]{1,80}$/) }).loose(),
        slash_commands: z.array(
          z
            .object({
              command: z.string().max(32),
              description: z.string().min(1),
              usage_hint: z.string().min(1),
              url: z.url().optional(),
            })
            .loose(),
        ),
      })
      .loose(),
    oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }).loose() }).loose(),
    settings: z
      .object({
        event_subscriptions: z.object({ bot_events: z.array(z.string()), request_url: z.url().optional() }).loose(),
        interactivity: z.object({ is_enabled: z.boolean(), request_url: z.url().optional() }).loose(),
        org_deploy_enabled: z.boolean(),
        socket_mode_enabled: z.boolean(),
        token_rotation_enabled: z.boolean(),
      })
      .loose(),
  })
  .loose();

type Manifest = z.infer<typeof manifestSchema>;

function load(file: string): Manifest {
  return manifestSchema.parse(parse(readFileSync(join(dir, file), 'utf8')));
}

const http = load('manifest.yaml');
const socket = load('manifest.socket-mode.yaml');

/** The manifest with what legitimately differs between the two taken out. */
function withoutTransport(m: Manifest): unknown {
  const copy = structuredClone(m);
  for (const command of copy.features.slash_commands) delete command.url;
  delete copy.settings.event_subscriptions.request_url;
  delete copy.settings.interactivity.request_url;
  copy.settings.socket_mode_enabled = false;
  return copy;
}

describe.each([
  ['manifest.yaml', http],
  ['manifest.socket-mode.yaml', socket],
])('%s', (_file, manifest) => {
  it('offers /aar, /coffee, /lessons, /bar, /cop and /learn with a description and usage hint', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/aar', description: expect.any(String), usage_hint: expect.any(String) }),
      expect.objectContaining({
        command: '/coffee',
        description: 'Randomised Coffee Trials: join, pause, status, setup',
        usage_hint: '[join | leave | pause | status | team | setup | stats | help]',
      }),
      expect.objectContaining({ command: '/lessons', description: expect.any(String), usage_hint: expect.stringContaining('#tag') }),
      expect.objectContaining({ command: '/bar', description: expect.any(String), should_escape: false }),
      // /cop owner @person needs the mention as a user id, which only an escaped command sends.
      expect.objectContaining({ command: '/cop', usage_hint: expect.stringContaining('owner @person'), should_escape: true }),
      // The umbrella for techniques without a command of their own (Slack's built-in /who cannot be taken).
      expect.objectContaining({ command: '/learn', usage_hint: expect.stringContaining('who <what the work is about>'), should_escape: false }),
    ]);
  });

  it('hears messages in public and private channels', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['message.channels', 'message.groups']);
  });

  it('asks for the bot scopes Mobilise uses, and no others', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['channels:history', 'chat:write', 'commands', 'groups:history', 'im:history', 'im:write', 'mpim:history', 'mpim:write'].sort(),
    );
  });

  it('turns on buttons and forms, and off org-wide install and token rotation', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.org_deploy_enabled).toBe(false);
    expect(manifest.settings.token_rotation_enabled).toBe(false);
  });
});

describe('the two Slack manifests', () => {
  it('send everything over HTTP to /slack/events in manifest.yaml', () => {
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.features.slash_commands.map((c) => c.url)).toEqual(Array(6).fill(EVENTS_URL));
    expect(http.settings.event_subscriptions.request_url).toBe(EVENTS_URL);
    expect(http.settings.interactivity.request_url).toBe(EVENTS_URL);
  });

  it('use Socket Mode with no request URLs in manifest.socket-mode.yaml', () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.features.slash_commands.map((c) => c.url)).toEqual(Array(5).fill(undefined));
    expect(socket.settings.event_subscriptions.request_url).toBeUndefined();
    expect(socket.settings.interactivity.request_url).toBeUndefined();
  });

  it('differ only in socket mode and URLs', () => {
    expect(withoutTransport(socket)).toEqual(withoutTransport(http));
  });
});
