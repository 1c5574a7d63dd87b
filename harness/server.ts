// The fake web the extension is tested against: one HTTPS server that answers for
// www.instagram.com, www.facebook.com and any publisher host (e.g. packs.picket.test), routed by
// the Host header. Chromium reaches it through --host-resolver-rules, Firefox through port 443 and
// a forced DNS answer. Every request is recorded so tests can assert what the extension fetched
// (and what it did not).
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, normalize, resolve, sep } from 'node:path';
import { makeCertificate } from './certificate';
import { demoDir, fixturesDir } from './paths';

/** An exact host (`www.instagram.com`), a wildcard (`*.picket.test`) or `*` for any host. */
export type HostPattern = string;

export interface RecordedRequest {
  method: string;
  host: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  time: number;
}

export interface HandlerRequest extends RecordedRequest {
  body: string;
  url: URL;
}

export interface HandlerResult {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type Handler = (request: HandlerRequest) => HandlerResult | Promise<HandlerResult>;

/**
 * Writes the response itself, when and as it likes, or never: a server that never sends its
 * headers, or drips its body. The request is recorded first, like any other.
 */
export type RawHandler = (request: IncomingMessage, response: ServerResponse) => void;

interface RouteBase {
  host: HostPattern | HostPattern[];
  /** The URL path (query ignored). A trailing `*` makes it a prefix. */
  path: string;
  /** Extra response headers for this route (on top of the server's defaults). */
  headers?: Record<string, string>;
}

export type Route = RouteBase &
  (
    | { /** A file under demo/ (or an absolute path). */ file: string }
    | { /** A saved page in ../shared/fixtures, served without scripts. */ fixture: string }
    | { /** A directory (relative to demo/ or absolute); `path` must end with `*`. */ dir: string }
    | { /** Inline HTML. */ html: string }
    | { handler: Handler }
    | { raw: RawHandler }
  );

export interface SiteServerOptions {
  routes?: Route[];
  /** 0 (default) picks a free port; 443 is what Firefox needs (no port remapping there). */
  port?: number;
  /** Headers added to every HTML response, e.g. a strict Content-Security-Policy. */
  htmlHeaders?: Record<string, string>;
}

export interface SiteServer {
  port: number;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  requestsTo(host: string, path?: string): RecordedRequest[];
  clearRequests(): void;
  /** Adds a route that wins over the existing ones (tests can override the demo). */
  addRoute(route: Route): void;
  /** The URL a browser mapped onto this server opens for `host` + `path`. */
  url(host: string, path?: string): string;
  close(): Promise<void>;
}

/**
 * A Content-Security-Policy like the real sites': no inline or foreign scripts, styles allowed
 * inline (both sites use inline styles). Content scripts must work under it.
 */
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'";

/** Stricter still: no inline styles at all. For tests that check the badge survives it. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const MAX_BODY_BYTES = 12 * 1024 * 1024;

export function hostMatches(pattern: HostPattern, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

/** Saved pages are already scriptless; strip again so a new fixture can never run code. */
export function stripScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/?>/gi, '');
}

/** Resolves `relative` inside `root`, refusing anything that climbs out of it. */
function inside(root: string, relative: string): string | null {
  const full = normalize(resolve(root, '.' + sep + relative));
  return full === root || full.startsWith(root + sep) ? full : null;
}

function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function answer(
  route: Exclude<Route, { raw: RawHandler }>,
  request: HandlerRequest,
): Promise<HandlerResult> {
  if ('handler' in route) return route.handler(request);
  if ('html' in route)
    return { body: route.html, headers: { 'content-type': CONTENT_TYPES['.html']! } };
  if ('fixture' in route) {
    const file = inside(fixturesDir, route.fixture);
    if (!file) return { status: 404 };
    const html = stripScripts(await readFile(file, 'utf8'));
    return { body: html, headers: { 'content-type': CONTENT_TYPES['.html']! } };
  }
  let file: string | null;
  if ('dir' in route) {
    const root = isAbsolute(route.dir) ? route.dir : resolve(demoDir, route.dir);
    const rest = decodeURIComponent(request.url.pathname.slice(route.path.length - 1));
    file = inside(root, rest.endsWith('/') || rest === '' ? rest + 'index.html' : rest);
  } else {
    file = isAbsolute(route.file) ? route.file : resolve(demoDir, route.file);
  }
  if (!file) return { status: 404 };
  try {
    return { body: await readFile(file), headers: { 'content-type': contentType(file) } };
  } catch {
    return { status: 404 };
  }
}

/** Starts the HTTPS server on 127.0.0.1. Close it in afterAll. */
export async function startSiteServer(options: SiteServerOptions = {}): Promise<SiteServer> {
  const { key, cert } = await makeCertificate();
  const routes: Route[] = [...(options.routes ?? [])];
  const requests: RecordedRequest[] = [];

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      host,
      path: url.pathname + url.search,
      headers: { ...req.headers },
      time: Date.now(),
    };
    requests.push(recorded);
    const route = routes.find(
      (r) =>
        (Array.isArray(r.host) ? r.host : [r.host]).some((h) => hostMatches(h, host)) &&
        pathMatches(r.path, url.pathname),
    );
    if (route && 'raw' in route) {
      route.raw(req, res);
      return;
    }
    let result: HandlerResult = { status: 404, body: 'Not found' };
    if (route) {
      try {
        result = await answer(route, { ...recorded, url, body: await readBody(req) });
      } catch (error) {
        result = { status: 500, body: String(error) };
      }
    }
    const headers: Record<string, string> = {
      'cache-control': 'no-store',
      ...result.headers,
      ...route?.headers,
    };
    const isHtml = (headers['content-type'] ?? '').startsWith('text/html');
    if (isHtml) Object.assign(headers, options.htmlHeaders, route?.headers);
    res.writeHead(result.status ?? 200, headers);
    res.end(req.method === 'HEAD' ? undefined : result.body);
  };

  const server: Server = createServer({ key, cert }, (req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    requests,
    requestsTo: (host, path) =>
      requests.filter((r) => r.host === host && (path === undefined || r.path === path)),
    clearRequests: () => void requests.splice(0),
    addRoute: (route) => void routes.unshift(route),
    url: (host, path = '/') => `https://${host}${path}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The offline demo: our own pages at the real sites' addresses, with the real sites' CSP style. */
export function demoRoutes(): Route[] {
  const headers = { 'content-security-policy': DEMO_CSP };
  return [
    { host: '*', path: '/_demo/*', dir: '.' },
    {
      host: ['www.instagram.com', 'instagram.com'],
      path: '/',
      file: 'instagram/feed.html',
      headers,
    },
    {
      host: ['www.instagram.com', 'instagram.com'],
      path: '/leonardodicaprio/',
      file: 'instagram/profile.html',
      headers,
    },
    {
      host: ['www.facebook.com', 'facebook.com', 'web.facebook.com'],
      path: '/',
      file: 'facebook/feed.html',
      headers,
    },
    { host: '*', path: '/favicon.ico', handler: () => ({ status: 204 }) },
  ];
}
