// Our HTTP server: health probe, 404s, routes that get the untouched body, and bodies too large or too slow.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { receivedBody } from '../../src/http/request-body';
import { createHttpServer } from '../../src/http/server';
import { openRaw, postHead, within } from '../support/raw-http';

let server: Server;
let base: string;
let port: number;
let healthy = true;
let hangHealth = false;

const LIMIT = 64 * 1024;
const BODY_MS = 300;
const HEALTH_MS = 300;

beforeAll(async () => {
  server = createHttpServer({
    routes: {
      '/echo': (req, res) => {
        const body = receivedBody(req) ?? Buffer.alloc(0);
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
        res.end(body);
      },
      '/boom': () => {
        throw new Error('listener bug');
      },
    },
    health: async () => {
      // A stalled database: the probe never answers.
      if (hangHealth) return new Promise<boolean>(() => undefined);
      if (!healthy) throw new Error('db down');
      return true;
    },
    maxBodyBytes: LIMIT,
    timeouts: { bodyMs: BODY_MS, healthMs: HEALTH_MS },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createHttpServer', () => {
  it('answers /healthz 200 {"ok":true} when healthy', async () => {
    healthy = true;
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers /healthz 503 when the probe fails', async () => {
    healthy = false;
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false });
  });

  it('answers 503 when the probe resolves false', async () => {
    const sick = createHttpServer({ routes: {}, health: async () => false });
    await new Promise<void>((resolve) => sick.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(sick.address() as AddressInfo).port}/healthz`);
      expect(response.status).toBe(503);
    } finally {
      sick.closeAllConnections();
      await new Promise<void>((resolve) => sick.close(() => resolve()));
    }
  });

  it('answers 404 for unknown paths', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it('gives a route the raw body, query string or not', async () => {
    const body = 'payload=%7B%22a%22%3A1%7D';
    const response = await fetch(`${base}/echo?x=1`, { method: 'POST', body });
    expect(await response.text()).toBe(body);
  });

  it('answers 500 when a route throws, and keeps serving', async () => {
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    healthy = true;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('answers /healthz 503 within its deadline when the probe never answers, and 200 once it does', async () => {
    hangHealth = true;
    const started = Date.now();
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(HEALTH_MS + 1_000);
    hangHealth = false;
    healthy = true;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('bodies over the limit or too slow', () => {
  it('answers 413 to a declared length over the limit, closes the connection, and serves a new one', async () => {
    const conn = await openRaw(port);
    conn.write(postHead('/echo', { 'content-type': 'text/plain', 'content-length': 5 * 1024 * 1024 }));
    conn.write(Buffer.alloc(LIMIT, 'x'));
    const response = await within(2_000, 'the 413', conn.response);
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    await within(2_000, 'the server closing the connection', conn.closed);
    expect((await fetch(`${base}/echo`, { method: 'POST', body: 'next' })).status).toBe(200);
  });

  it('answers 413 to a chunked body once it passes the limit, and closes the connection', async () => {
    const conn = await openRaw(port);
    conn.write(postHead('/echo', { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' }));
    const chunk = Buffer.alloc(16 * 1024, 'y');
    for (let i = 0; i < LIMIT / chunk.length + 1; i += 1) conn.write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));
    const response = await within(2_000, 'the 413', conn.response);
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    await within(2_000, 'the server closing the connection', conn.closed);
    expect(await (await fetch(`${base}/echo`, { method: 'POST', body: 'still here' })).text()).toBe('still here');
  });

  it('answers 408 to a body that never finishes, within the body deadline, and closes the connection', async () => {
    const conn = await openRaw(port);
    const started = Date.now();
    conn.write(postHead('/echo', { 'content-type': 'text/plain', 'content-length': 100 }));
    conn.write('only ten b');
    const response = await within(BODY_MS + 2_000, 'the 408', conn.response);
    expect(response.status).toBe(408);
    expect(response.headers.connection).toBe('close');
    expect(Date.now() - started).toBeGreaterThanOrEqual(BODY_MS - 50);
    await within(2_000, 'the server closing the connection', conn.closed);
    expect((await fetch(`${base}/echo`, { method: 'POST', body: 'x' })).status).toBe(200);
  });

  it('keeps a connection alive after a body within the limit', async () => {
    const conn = await openRaw(port);
    conn.write(`${postHead('/echo', { 'content-type': 'text/plain', 'content-length': 2 })}ok`);
    const response = await conn.response;
    expect(response).toMatchObject({ status: 200, body: 'ok' });
    expect(response.headers.connection).toBe('keep-alive');
    conn.socket.destroy();
  });
});
