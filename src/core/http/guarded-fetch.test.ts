import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/sources/http-test-server.ts';
import { AppError } from '../errors.ts';
import { DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { guardedFetch } from './guarded-fetch.ts';

const limits: Limits = { ...DEFAULT_LIMITS, fetchTimeoutMs: 2_000 };
const loopbackOnly = (ip: string) => ip === '127.0.0.1';
const servers: TestServer[] = [];

async function serve(handler: Parameters<typeof startTestServer>[0]): Promise<string> {
  const s = await startTestServer(handler);
  servers.push(s);
  return s.url;
}

async function readText(body: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('guardedFetch address policy', () => {
  it('refuses a server on 127.0.0.1 by default and reaches it with allowPrivate', async () => {
    const url = await serve((_req, res) => res.end('hello'));
    const e = await failure(guardedFetch(url, { limits }));
    expect(e.code).toBe('FETCH_BLOCKED');
    expect(e.message).toContain('127.0.0.1');
    const res = await guardedFetch(url, { limits, allowPrivate: true });
    expect(await readText(res.body)).toBe('hello');
  });

  it('checks the address a host name resolves to, not the name', async () => {
    const url = await serve((_req, res) => res.end('x'));
    const e = await failure(guardedFetch(url.replace('127.0.0.1', 'localhost'), { limits }));
    expect(e.code).toBe('FETCH_BLOCKED');
  });

  it.each([
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://0.0.0.0/',
  ])('refuses %s before connecting', async (url) => {
    const e = await failure(guardedFetch(url, { limits }));
    expect(e.code).toBe('FETCH_BLOCKED');
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/x', 'gopher://example.com/'])(
    'refuses the scheme of %s',
    async (url) => {
      const e = await failure(guardedFetch(url, { limits }));
      expect(e.code).toBe('FETCH_BLOCKED');
    },
  );
});

describe('guardedFetch redirects', () => {
  it('refuses a redirect unless redirects are allowed', async () => {
    const target = await serve((_req, res) => res.end('target'));
    const url = await serve((_req, res) => res.writeHead(302, { location: `${target}/x` }).end());
    const e = await failure(guardedFetch(url, { limits, allowPrivate: true }));
    expect(e.code).toBe('FETCH_BLOCKED');
    expect(e.message).toContain('redirect');
    const res = await guardedFetch(url, { limits, allowPrivate: true, allowRedirects: true });
    expect(await readText(res.body)).toBe('target');
    expect(res.url).toBe(`${target}/x`);
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://127.0.0.2/', 'http://[::1]/'])(
    'refuses a hop from an allowed server to %s',
    async (blocked) => {
      const url = await serve((_req, res) => res.writeHead(302, { location: blocked }).end());
      const e = await failure(
        guardedFetch(url, { limits, allowRedirects: true, addressPolicy: loopbackOnly }),
      );
      expect(e.code).toBe('FETCH_BLOCKED');
    },
  );

  it('stops after maxRedirects hops', async () => {
    const url = await serve((req, res) => res.writeHead(302, { location: `${req.url}x` }).end());
    const e = await failure(
      guardedFetch(url, { limits: { ...limits, maxRedirects: 3 }, allowPrivate: true, allowRedirects: true }),
    );
    expect(e.message).toContain('more than 3 redirects');
  });

  it('drops credentials when a redirect changes origin, keeps them on the same origin', async () => {
    const seen: Record<string, unknown>[] = [];
    const other = await serve((req, res) => {
      seen.push({
        auth: req.headers.authorization,
        key: req.headers['x-api-key'],
        cookie: req.headers.cookie,
        ua: req.headers['user-agent'],
      });
      res.end('ok');
    });
    const url = await serve((req, res) => {
      seen.push({ auth: req.headers.authorization, key: req.headers['x-api-key'] });
      if (req.url === '/start') return res.writeHead(301, { location: '/same' }).end();
      res.writeHead(307, { location: `${other}/end` }).end();
    });
    const headers = {
      authorization: 'Bearer secret',
      'x-api-key': 'k',
      cookie: 'a=b',
      'user-agent': 'threatloom-test',
    };
    const res = await guardedFetch(`${url}/start`, {
      limits,
      headers,
      allowPrivate: true,
      allowRedirects: true,
    });
    await readText(res.body);
    expect(seen).toEqual([
      { auth: 'Bearer secret', key: 'k' },
      { auth: 'Bearer secret', key: 'k' },
      { auth: undefined, key: undefined, cookie: undefined, ua: 'threatloom-test' },
    ]);
  });
});

describe('guardedFetch bodies', () => {
  it('decompresses gzip, deflate and br', async () => {
    const { deflateSync, brotliCompressSync } = await import('node:zlib');
    const text = 'indicator,'.repeat(1000);
    const encoders = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
    for (const [encoding, encode] of Object.entries(encoders)) {
      const url = await serve((_req, res) =>
        res.writeHead(200, { 'content-encoding': encoding }).end(encode(text)),
      );
      const res = await guardedFetch(url, { limits, allowPrivate: true });
      expect(await readText(res.body)).toBe(text);
    }
  });

  it('stops a gzip bomb at the decompressed cap with an error naming the URL', async () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));
    const url = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb));
    const res = await guardedFetch(url, {
      limits: { ...limits, maxDecompressedBytes: 1024 * 1024 },
      allowPrivate: true,
    });
    let received = 0;
    const e = await failure(
      (async () => {
        for await (const c of res.body) received += c.length;
      })(),
    );
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.describe()).toContain(url);
    expect(received).toBeLessThanOrEqual(1024 * 1024);
  });

  it('caps the compressed bytes received', async () => {
    const url = await serve((_req, res) => res.end(Buffer.alloc(300_000, 65)));
    const res = await guardedFetch(url, {
      limits: { ...limits, maxFetchBytes: 100_000 },
      allowPrivate: true,
    });
    const e = await failure(readText(res.body));
    expect(e.message).toContain('exceeds 100000 bytes');
  });

  it('times out on a server that never finishes', async () => {
    const url = await serve((_req, res) => res.write('partial'));
    const res = await guardedFetch(url, { limits: { ...limits, fetchTimeoutMs: 300 }, allowPrivate: true });
    const e = await failure(readText(res.body));
    expect(e.code).toBe('FETCH_FAILED');
    expect(e.message).toContain('300 ms');
  });

  it('times out on a server that never answers', async () => {
    const url = await serve(() => undefined);
    const e = await failure(
      guardedFetch(url, { limits: { ...limits, fetchTimeoutMs: 300 }, allowPrivate: true }),
    );
    expect(e.message).toContain('300 ms');
  });

  it('reports an HTTP error status with the URL', async () => {
    const url = await serve((_req, res) => res.writeHead(404).end('nope'));
    const e = await failure(guardedFetch(`${url}/feed.csv`, { limits, allowPrivate: true }));
    expect(e.describe()).toContain(`${url}/feed.csv: HTTP 404`);
  });
});
