/**
 * A small route table over node:http: exact paths, one handler per method. Unknown paths get 404,
 * known paths with another method 405 (with `Allow`). Other modules add routes (e.g. GET /metrics)
 * with `routes.add()`; nothing else about the server changes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export class Routes {
  private readonly table = new Map<string, Map<string, RouteHandler>>();

  /** Serve `method path` with `handler`; a later add for the same pair replaces the earlier one. */
  add(method: string, path: string, handler: RouteHandler): this {
    const methods = this.table.get(path) ?? new Map<string, RouteHandler>();
    methods.set(method.toUpperCase(), handler);
    this.table.set(path, methods);
    return this;
  }

  /** Route a request; a handler that throws or rejects gets a 500 (the caller logs). */
  async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // `/interactions/` is the same route as `/interactions` (a URL pasted with a trailing slash).
    const path = ((req.url ?? '/').split('?')[0] ?? '/').replace(/(?<=.)\/+$/, '');
    const methods = this.table.get(path);
    if (!methods) return sendJson(res, 404, { error: 'not found' });
    const handler = methods.get(req.method ?? 'GET');
    if (!handler) {
      return sendJson(res, 405, { error: 'method not allowed' }, { allow: [...methods.keys()].join(', ') });
    }
    await handler(req, res);
  }
}
