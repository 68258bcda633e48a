// Our HTTP server: health probe, 404s, and routes that get the untouched request.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../src/http/server';

let server: Server;
let base: string;
let healthy = true;

beforeAll(async () => {
  server = createHttpServer({
    routes: {
      '/echo': (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(Buffer.concat(chunks));
        });
      },
      '/boom': () => {
        throw new Error('listener bug');
      },
    },
    health: async () => {
      if (!healthy) throw new Error('db down');
      return true;
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
});
