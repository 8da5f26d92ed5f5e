/**
 * The HTTP edge: Discord's "Interactions Endpoint URL". Stateless — everything an interaction needs is
 * in the request (component state lives in custom ids) — so any number of replicas can sit behind an
 * ordinary load balancer.
 *
 *   POST /interactions  signature checked on the raw bytes first (401 and no further work if it fails),
 *                       then size (413), then JSON (400); PING → PONG, everything else answered in the
 *                       response body by the shared interaction handler — the very code the gateway uses.
 *   GET  /healthz       200 once the knowledge is loaded and while not shutting down, else 503.
 *
 * More routes (e.g. GET /metrics) are added through `routes`. Only node:http: for two JSON routes a
 * framework would add weight and nothing the signature check or the limits need.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../discord/log.js';
import { describeError } from '../discord/log.js';
import type { InteractionHandler } from '../interactions/handler.js';
import { readBody } from './body.js';
import { Routes, sendJson } from './routes.js';
import { createVerifier, type Verifier } from './verify.js';

/** Discord's interaction payloads are a few kilobytes (a component click carries its message); 256 KiB is ample. */
export const MAX_BODY_BYTES = 256 * 1024;

/** How long in-flight requests get to finish on shutdown. */
const CLOSE_GRACE_MS = 3_000;

export interface InteractionsServerDeps {
  /** The application's public key, 64 hex characters. */
  publicKey: string;
  handler: InteractionHandler;
  logger: Logger;
  /** False until the knowledge is loaded: /healthz answers 503 until then. */
  ready?: () => boolean;
  /** Extra fields for /healthz (e.g. the fact base's "as of" date). */
  health?: () => Record<string, unknown>;
  /** For tests of stale timestamps. */
  now?: () => number;
}

export interface InteractionsServer {
  server: http.Server;
  routes: Routes;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stop accepting, let in-flight requests finish, then close; /healthz answers 503 meanwhile. */
  close(): Promise<void>;
}

export function interactionsRoute(
  verifier: Verifier,
  handler: InteractionHandler,
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (typeof signature !== 'string' || typeof timestamp !== 'string') {
      logger.debug('rejected: unsigned request', { remote: req.socket.remoteAddress });
      return sendJson(res, 401, { error: 'invalid request signature' });
    }
    const read = await readBody(req, MAX_BODY_BYTES);
    if (!read.ok) {
      if (read.reason === 'aborted') return void res.destroy();
      logger.debug('rejected: body too large', { remote: req.socket.remoteAddress });
      return sendJson(res, 413, { error: 'request body too large' }, { connection: 'close' });
    }
    if (!verifier(signature, timestamp, read.body)) {
      logger.debug('rejected: bad signature', { remote: req.socket.remoteAddress });
      return sendJson(res, 401, { error: 'invalid request signature' });
    }
    let interaction: unknown;
    try {
      interaction = JSON.parse(read.body.toString('utf8'));
    } catch {
      interaction = undefined;
    }
    if (typeof interaction !== 'object' || interaction === null || Array.isArray(interaction)) {
      logger.warn('rejected: signed body is not a JSON object', { bytes: read.body.length });
      return sendJson(res, 400, { error: 'body is not a JSON object' });
    }
    sendJson(res, 200, handler.handle(interaction));
  };
}

export function createInteractionsServer(deps: InteractionsServerDeps): InteractionsServer {
  const { handler, logger } = deps;
  const verifier = createVerifier(deps.publicKey, deps.now);
  const ready = deps.ready ?? (() => true);
  let draining = false;

  const health = (_req: IncomingMessage, res: ServerResponse): void => {
    const ok = ready() && !draining;
    sendJson(res, ok ? 200 : 503, {
      status: ok ? 'ok' : draining ? 'shutting down' : 'starting',
      ...(ok ? (deps.health?.() ?? {}) : {}),
    });
  };
  const routes = new Routes()
    .add('POST', '/interactions', interactionsRoute(verifier, handler, logger))
    .add('GET', '/healthz', health)
    .add('HEAD', '/healthz', health);

  const server = http.createServer({
    // Discord waits 3 s for an answer; nothing legitimate takes longer to send a few kilobytes.
    requestTimeout: 10_000,
    headersTimeout: 5_000,
    // Longer than the idle timeout of common load balancers (60 s), so they close idle connections first.
    keepAliveTimeout: 65_000,
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    routes.dispatch(req, res).catch((error: unknown) => {
      logger.error('request failed', { path: req.url, ...describeError(error) });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  server.on('clientError', (error, socket) => {
    // Malformed HTTP: answer 400 if the socket is still usable, never crash.
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
    logger.debug('malformed request', { error: (error as Error).message });
  });

  return {
    server,
    routes,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    close() {
      draining = true;
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A keep-alive connection of a load balancer may stay open for a while: in-flight requests
        // have had their time after this.
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      });
    },
  };
}
