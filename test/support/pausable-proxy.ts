// A TCP proxy on 127.0.0.1 that can stop forwarding (connections stay open, bytes wait), like a database that stalls,
// or cut every connection and refuse new ones, like a database that is gone.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface PausableProxy {
  port: number;
  /** Stops forwarding in both directions; new connections are accepted but not connected onward. */
  pause(): void;
  /** Drops every connection and closes each new one at once, until resume(). */
  cut(): void;
  /** Forwards again, including whatever waited. */
  resume(): void;
  close(): Promise<void>;
}

export async function startPausableProxy(target: { host: string; port: number }): Promise<PausableProxy> {
  let paused = false;
  let cut = false;
  const sockets = new Set<Socket>();
  const waiting: (() => void)[] = [];

  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (paused) socket.pause();
  };

  const server: Server = createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    track(client);
    const connect = (): void => {
      if (client.destroyed) return;
      const upstream = createConnection(target);
      track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    };
    if (paused) waiting.push(connect);
    else connect();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    pause() {
      paused = true;
      for (const socket of sockets) socket.pause();
    },
    cut() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    resume() {
      paused = false;
      cut = false;
      for (const socket of sockets) socket.resume();
      for (const connect of waiting.splice(0)) connect();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
