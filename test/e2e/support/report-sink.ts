/**
 * A stand-in for a newsroom's report endpoint: a node HTTP server on 127.0.0.1 that
 * records every JSON body POSTed to it. It can be stopped and restarted on the same
 * port, to check that a report sent while the endpoint is down is retried, not lost.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedReport {
  method: string;
  path: string;
  contentType: string | undefined;
  body: unknown;
}

/** How the sink answers a POST: accept it (201), or redirect it elsewhere. */
export type SinkAnswer = { accept: true } | { redirect: 301 | 302 | 303 | 307 | 308; location: string };

export class ReportSink {
  readonly received: ReceivedReport[] = [];
  answer: SinkAnswer = { accept: true };
  private server: Server | null = null;

  private constructor(readonly port: number) {}

  /** Reserves a free port without listening on it yet: the endpoint starts "down". */
  static async reservePort(): Promise<ReportSink> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return new ReportSink(port);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/reports`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      // The extension may send from an extension origin without a host permission; answer CORS so
      // the test checks delivery, not this stub's header policy.
      const cors = {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': 'content-type',
      };
      if (request.method === 'OPTIONS') {
        response.writeHead(204, cors);
        response.end();
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // kept as text: the test then fails on the shape, with the text visible
        }
        this.received.push({ method: request.method ?? '', path: request.url ?? '', contentType: request.headers['content-type'], body });
        const answer = this.answer;
        if ('redirect' in answer && request.method === 'POST') {
          response.writeHead(answer.redirect, { ...cors, location: answer.location });
          response.end();
          return;
        }
        // A GET is answered too (a "thanks" page): a sender that lets a 302 turn its POST into a GET then sees a success.
        response.writeHead(request.method === 'POST' ? 201 : request.method === 'GET' ? 200 : 405, { ...cors, 'content-type': 'application/json' });
        response.end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
