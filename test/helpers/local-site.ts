/**
 * A real HTTP server for the tests of following: node:http on 127.0.0.1, an ephemeral port,
 * answering from a route table and recording every request it gets.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Wait this long before answering. */
  readonly delayMs?: number;
  /** Answers 304 to a request that carries this ETag in If-None-Match. */
  readonly etag?: string;
  /** Sends the headers, then this many bytes of body each 20 ms, without end: a body that never finishes. */
  readonly trickle?: number;
}

export type Route = Answer | ((request: IncomingMessage) => Answer);

export interface SeenRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly at: number;
}

export class LocalSite {
  readonly routes = new Map<string, Route>();
  readonly requests: SeenRequest[] = [];
  #server: Server | null = null;
  #sockets = new Set<import('node:net').Socket>();
  base = '';

  async start(): Promise<this> {
    this.#server = createServer((request, response) => void this.#answer(request, response));
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  /** Requests for `path` (query included when given). */
  hits(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === path || r.path.split('?')[0] === path);
  }

  async #answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = request.url ?? '/';
    this.requests.push({ path: url, headers: request.headers, at: Date.now() });
    const route = this.routes.get(url) ?? this.routes.get(url.split('?')[0]!);
    const answer: Answer = route === undefined ? { status: 404, body: 'not found' } : typeof route === 'function' ? route(request) : route;
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (response.destroyed) return;
    const headers: Record<string, string> = { ...(answer.headers ?? {}) };
    if (answer.etag) {
      headers['etag'] = answer.etag;
      if (request.headers['if-none-match'] === answer.etag) {
        response.writeHead(304, headers).end();
        return;
      }
    }
    if (answer.trickle) {
      response.writeHead(answer.status ?? 200, headers);
      const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write('x'.repeat(answer.trickle!))), 20);
      response.on('close', () => clearInterval(timer));
      return;
    }
    response.writeHead(answer.status ?? 200, headers).end(answer.body ?? '');
  }
}
