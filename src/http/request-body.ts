// Reads a request body once, for every route, with a size limit and a deadline, so no route can be held open by a body.
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { kind: 'complete'; body: Buffer }
  | { kind: 'too-large' }
  | { kind: 'timeout' }
  | { kind: 'aborted' };

export interface BodyLimits {
  maxBytes: number;
  /** The whole body must arrive within this many ms of the headers. */
  timeoutMs: number;
}

export function readRequestBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  // A declared length over the limit is refused before a byte of it is read.
  if (Number.isFinite(declared) && declared > limits.maxBytes) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const timer = setTimeout(() => finish({ kind: 'timeout' }), limits.timeoutMs);
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limits.maxBytes) finish({ kind: 'too-large' });
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish({ kind: 'complete', body: Buffer.concat(chunks, size) });
    const onGone = (): void => finish({ kind: 'aborted' });
    function finish(result: BodyResult): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onGone);
      // Whatever else arrives is discarded, not buffered, until the socket is closed.
      if (result.kind !== 'complete') req.resume();
      resolve(result);
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onGone);
  });
}

/** The body our server read before calling the route (the same property Bolt's receiver looks for). */
export function receivedBody(req: IncomingMessage): Buffer | undefined {
  const raw: unknown = (req as IncomingMessage & { rawBody?: unknown }).rawBody;
  return Buffer.isBuffer(raw) ? raw : undefined;
}

export function attachBody(req: IncomingMessage, body: Buffer): void {
  Object.assign(req, { rawBody: body });
}
