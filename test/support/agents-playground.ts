// Microsoft 365 Agents Playground (@microsoft/m365agentsplayground, Microsoft's offline Teams emulator) as a child
// process in a fresh temporary folder, on 127.0.0.1, with its two websockets recorded from the first frame. Driving it
// as Teams people would is in playground-driver.ts; what it says is in playground-frames.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ClientRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { z } from 'zod';
import { ALEX, playgroundConfigFile } from './playground-org';
import { Transcript } from './playground-frames';

const CLI = path.resolve(__dirname, '../../node_modules/@microsoft/m365agentsplayground/cli.js');
const CONFIG_FILE = '.m365agentsplayground.yml';
/** Where it writes what it prints, when its stdout is not a terminal. */
const LOG_FILE = 'devTools/m365agentsplayground.log';
const START_TIMEOUT_MS = 30_000;

/** A port nobody is listening on right now (the playground is told it, so its serviceUrl can name 127.0.0.1). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Its environment: ours without its own settings, telemetry, proxies or a browser. */
function playgroundEnv(folder: string): NodeJS.ProcessEnv {
  const own = /^(M365_AGENTS_PLAYGROUND_|TEAMSAPPTESTER_|TEAMS_APP_TEST_TOOL_|APPLICATIONINSIGHTS_|APPINSIGHTS_|APPLICATION_INSIGHTS_|AUTH_)/;
  const others = new Set(['BOT_ENDPOINT', 'SEND_INSTALLATION_ACTIVITY', 'DEFAULT_CHANNEL_ID', 'HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!own.test(key) && !others.has(key)) env[key] = value;
  return {
    ...env,
    TEAMSAPPTESTER_BROWSER: 'none',
    // --dt turns its telemetry events off; these stop the Application Insights SDK it starts anyway from sending anything.
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: JSON.stringify({ disableAppInsights: true, disableStatsbeat: true, enableAutoCollectHeartbeat: false }),
    NO_PROXY: '127.0.0.1,localhost',
    HOME: folder,
    TMPDIR: folder,
  };
}

const testConfigSchema = z.object({
  config: z.object({
    tenantId: z.string(),
    bot: z.object({ id: z.string(), name: z.string() }),
    currentUser: z.object({ id: z.string(), name: z.string() }),
    users: z.array(z.object({ id: z.string(), name: z.string() })),
    personalChat: z.object({ id: z.string() }),
    teams: z.array(z.object({ id: z.string(), channels: z.array(z.object({ id: z.string(), name: z.string() })) })),
  }),
});
export type PlaygroundConfig = z.infer<typeof testConfigSchema>['config'];

export interface PlaygroundProcess {
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** What it puts in activities as serviceUrl, so the bot calls back on 127.0.0.1. */
  serviceUrl: string;
  folder: string;
  config: PlaygroundConfig;
  transcript: Transcript;
  /** Requests anything in this process started to its Bot Connector and that did not fail to connect. */
  connectorRequests(): number;
  close(): Promise<void>;
}

/** Starts it for the bot at `botEndpoint`; everything started is stopped and removed again if a later step fails. */
export async function startAgentsPlayground(botEndpoint: string): Promise<PlaygroundProcess> {
  const undo: (() => Promise<void> | void)[] = [];
  let closing = false;
  const close = async (): Promise<void> => {
    closing = true;
    for (const step of undo.splice(0).reverse()) await step();
  };
  const folder = mkdtempSync(path.join(tmpdir(), 'agents-playground-'));
  undo.push(() => rmSync(folder, { recursive: true, force: true }));
  try {
    writeFileSync(path.join(folder, CONFIG_FILE), playgroundConfigFile());
    const { child, port } = await spawnPlayground(folder, botEndpoint);
    undo.push(() => stop(child));
    const url = `http://127.0.0.1:${port}`;

    const transcript = new Transcript();
    const trouble = (what: string): void => {
      if (!closing) transcript.fail(`${what}: ${ownLog(folder)}`);
    };
    child.once('exit', (code, signal) => trouble(`the playground exited (${code ?? signal})`));
    let requests = 0;
    const host = `127.0.0.1:${port}`;
    const counted = new WeakSet<ClientRequest>();
    const onStart = (message: unknown): void => {
      const request = (message as { request?: unknown }).request;
      if (request instanceof ClientRequest && request.getHeader('host') === host && request.path.startsWith('/_connector')) {
        counted.add(request);
        requests += 1;
      }
    };
    const onError = (message: unknown): void => {
      const request = (message as { request?: unknown }).request;
      if (request instanceof ClientRequest && counted.has(request)) requests -= 1;
    };
    subscribe('http.client.request.start', onStart);
    subscribe('http.client.request.error', onError);
    undo.push(() => {
      unsubscribe('http.client.request.start', onStart);
      unsubscribe('http.client.request.error', onError);
    });

    // Frames wait in the playground until a client connects, so nothing is missed by connecting after the start.
    const sockets = await Promise.all([
      openSocket(`ws://${host}/_ws_conversation/v1/conversations/stream`, (raw) => transcript.conversationFrame(raw), trouble),
      openSocket(`ws://${host}/_ws/log/stream`, (raw) => transcript.logFrame(raw), trouble),
    ]);
    for (const socket of sockets) undo.push(() => closeSocket(socket));

    const ping = await fetch(`${url}/_debug/ping`);
    if ((await ping.text()) !== 'pong') throw new Error('the playground did not answer its ping');
    const config = testConfigSchema.parse(await (await fetch(`${url}/_internal/v1/testConfig`)).json()).config;
    if (config.currentUser.id !== ALEX.id) throw new Error(`the playground did not read ${CONFIG_FILE}: its current user is ${config.currentUser.name}`);
    return { port, url, serviceUrl: `${url}/_connector`, folder, config, transcript, connectorRequests: () => requests, close };
  } catch (error) {
    const said = ownLog(folder);
    await close();
    throw said === '' ? error : new Error(`${error instanceof Error ? error.message : String(error)}; the playground said:\n${said}`);
  }
}

/** What it printed to its log file so far ('' if nothing). */
function ownLog(folder: string): string {
  try {
    return readFileSync(path.join(folder, LOG_FILE), 'utf8').trim();
  } catch {
    return '';
  }
}

/** `start` on a port chosen here (so its serviceUrl can say 127.0.0.1); tried again if another process took the port first. */
async function spawnPlayground(folder: string, botEndpoint: string, attempts = 3): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const args = [CLI, 'start', '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--dt', '--service-url', `http://127.0.0.1:${port}/_connector`];
  const child = spawn(process.execPath, args, { cwd: folder, env: playgroundEnv(folder), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the playground did not start in ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the playground exited (${code ?? signal}) before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop(child);
    throw error;
  });
  if (listening === port) return { child, port };
  await stop(child);
  if (attempts <= 1) throw new Error(`the playground listened on ${listening}, not the free port ${port} it was given`);
  return spawnPlayground(folder, botEndpoint, attempts - 1);
}

/** SIGTERM, then SIGKILL if it has not gone within five seconds. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A websocket that hands on every frame, and reports an error or a close it was not asked for. */
function openSocket(url: string, onFrame: (raw: string) => void, trouble: (what: string) => void): Promise<WebSocket> {
  const socket = new WebSocket(url);
  socket.on('message', (data) => onFrame(rawText(data)));
  return new Promise<WebSocket>((resolve, reject) => {
    socket.once('open', () => {
      socket.on('error', (error) => trouble(`websocket ${url} failed: ${error.message}`));
      socket.on('close', () => trouble(`the playground closed websocket ${url}`));
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

function closeSocket(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.terminate();
  });
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}
