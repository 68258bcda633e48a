// HTTP/1.1 over a bare socket, for what fetch hides: whether the server closes the connection, and bodies that never finish.
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export interface RawConnection {
  socket: Socket;
  /** The first complete response on this connection. */
  response: Promise<RawResponse>;
  /** Resolves when the server ends or closes the connection. */
  closed: Promise<void>;
  write(data: string | Buffer): void;
}

export async function openRaw(port: number): Promise<RawConnection> {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  // The server may reset a connection it refused while we still write: that is the behaviour under test, not a failure.
  socket.on('error', () => undefined);
  let received = Buffer.alloc(0);
  const response = new Promise<RawResponse>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      const parsed = parseResponse(received);
      if (parsed === undefined) return;
      socket.off('data', onData);
      resolve(parsed);
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`connection closed before a whole response: ${JSON.stringify(received.toString())}`)));
  });
  // Keep reading after the response so that the server's FIN is seen.
  response.then(() => socket.resume(), () => undefined);
  const closed = new Promise<void>((resolve) => {
    socket.once('end', resolve);
    socket.once('close', () => resolve());
  });
  return { socket, response, closed, write: (data) => socket.write(data) };
}

/** Request line and headers for a POST; the body is written separately (or never). */
export function postHead(path: string, headers: Record<string, string | number>): string {
  const lines = [`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: keep-alive'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Rejects with `what` if the promise has not settled within ms: a failure with a reason instead of a Jest timeout. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

function parseResponse(data: Buffer): RawResponse | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...headerLines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = data.subarray(end + 4);
  if (body.length < length) return undefined;
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.subarray(0, length).toString('utf8') };
}
