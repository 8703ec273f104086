import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * node:http on one side, the fetch `Request`/`Response` that MSW's handlers speak on the other: the
 * thin adapter over MSW's `getResponse`. Not @mswjs/http-middleware: with MSW 2.15 it takes the whole
 * process down on `HttpResponse.error()` (the mock's dropped connection), and it has no body limit.
 */

/** Thrown by a request body that passes its limit while streaming. */
export class BodyTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`Request body is larger than ${limitBytes} bytes`);
  }
}

export function isBodyTooLarge(error: unknown): error is BodyTooLarge {
  return error instanceof BodyTooLarge || (error instanceof Error && error.cause instanceof BodyTooLarge);
}

/**
 * The request as a fetch `Request` on `url`. Its body streams from the socket as the handler reads it
 * and fails with `BodyTooLarge` as soon as it passes `limitBytes`, so an oversized body without a
 * Content-Length is refused without being read whole. `signal` aborts the handler's `request.signal`.
 */
export function toFetchRequest(
  req: IncomingMessage,
  url: URL,
  { limitBytes, signal }: { limitBytes: number; signal: AbortSignal },
): Request {
  const method = req.method ?? 'GET';
  const headers = new Headers();
  for (let index = 0; index + 1 < req.rawHeaders.length; index += 2) {
    const [name, value] = [req.rawHeaders[index], req.rawHeaders[index + 1]];
    if (name !== undefined && value !== undefined) headers.append(name, value);
  }
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers, signal });
  // Read as the handler pulls, never ahead of it: a body nobody reads stays in the socket.
  const chunks: AsyncIterator<Buffer> = req[Symbol.asyncIterator]();
  let seen = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) return controller.close();
      seen += value.byteLength;
      if (seen > limitBytes) controller.error(new BodyTooLarge(limitBytes));
      else controller.enqueue(value);
    },
  });
  // Node's fetch wants `duplex: 'half'` with a streamed body; the DOM's RequestInit does not know it yet.
  const init: RequestInit & { duplex: 'half' } = { method, headers, signal, body, duplex: 'half' };
  return new Request(url, init);
}

/**
 * Writes a fetch `Response` to node:http. The mock's bodies are small JSON, so it is buffered. An
 * answer sent before the request's body was read whole (refused, or a path that never reads it)
 * closes the connection: the rest of that body is never read.
 */
export async function sendResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const body = response.body === null ? null : Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[] | number> = {};
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie' && name !== 'content-length') headers[name] = value;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  headers['content-length'] = body?.length ?? 0;
  if (!req.complete) headers.connection = 'close';
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body);
}
