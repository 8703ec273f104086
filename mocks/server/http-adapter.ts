import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

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
  let seen = 0;
  const limited = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > limitBytes) controller.error(new BodyTooLarge(limitBytes));
      else controller.enqueue(chunk);
    },
  });
  // `Readable.toWeb` is typed with Node's own web stream types, which TypeScript's DOM ones do not accept.
  const body: ReadableStream<Uint8Array> = Readable.toWeb(req).pipeThrough(limited) as ReadableStream<Uint8Array>;
  // `duplex: 'half'` is what Node's fetch wants for a streamed body; the DOM's RequestInit does not know it yet.
  return new Request(url, { method, headers, signal, body, duplex: 'half' } as RequestInit);
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
