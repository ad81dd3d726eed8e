/**
 * Serves the news-page fixtures on 127.0.0.1 at a free port, the way a site would:
 * `/pages/<file>` from test/fixtures/pages, `/e2e/<file>` from test/e2e/fixtures, plus
 * any generated routes a caller adds (the benchmark's 1,500-word page).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { E2E_FIXTURES_DIR, PAGES_DIR } from './paths.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A generated page: path (without query) → body and content type. */
export type ExtraRoutes = Record<string, { body: string; type?: string }>;

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Absolute URL of a fixture page in test/fixtures/pages, e.g. `page('wp-001.html')`. */
  page(file: string): string;
  /** Absolute URL of a file under test/e2e/fixtures. */
  e2e(file: string): string;
  close(): Promise<void>;
}

const MOUNTS: readonly (readonly [prefix: string, dir: string])[] = [
  ['/pages/', PAGES_DIR],
  ['/e2e/', E2E_FIXTURES_DIR],
];

export async function startFixtureServer(extra: ExtraRoutes = {}): Promise<FixtureServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const generated = extra[pathname];
      if (generated) {
        response.writeHead(200, { 'content-type': generated.type ?? CONTENT_TYPES['.html']!, 'cache-control': 'no-store' });
        response.end(generated.body);
        return;
      }
      for (const [prefix, dir] of MOUNTS) {
        if (!pathname.startsWith(prefix)) continue;
        const file = path.resolve(dir, pathname.slice(prefix.length));
        // Refuse anything that climbs out of the mounted folder.
        if (!file.startsWith(dir + path.sep)) break;
        try {
          const body = await readFile(file);
          response.writeHead(200, {
            'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-store',
          });
          response.end(body);
          return;
        } catch {
          break;
        }
      }
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`not found: ${pathname}`);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    page: (file) => `${origin}/pages/${file}`,
    e2e: (file) => `${origin}/e2e/${file}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
