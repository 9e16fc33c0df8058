import { request, type Dispatcher } from 'undici';
import { AppError, isAppError } from '../errors.ts';
import type { Limits } from '../limits.ts';
import { anyAddress, publicAddressesOnly, type AddressPolicy } from './address-policy.ts';
import { decodeBody } from './decode-body.ts';
import { createGuardedAgent } from './guarded-agent.ts';
import { nextHop } from './redirect.ts';

export interface GuardedFetchOptions {
  limits: Limits;
  headers?: Record<string, string>;
  /** Lets the fetch reach private, loopback and link-local addresses (a feed on the LAN). */
  allowPrivate?: boolean;
  allowRedirects?: boolean;
  /** Overrides the address check (tests, operator allowlists); wins over `allowPrivate`. */
  addressPolicy?: AddressPolicy;
  signal?: AbortSignal;
}

export interface GuardedResponse {
  /** The URL finally answered, after any redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** The decompressed body, capped; errors surface as AppErrors naming the URL. */
  body: AsyncIterable<Buffer>;
}

function headerValue(h: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function toFetchError(e: unknown, url: string, timeoutMs: number, timedOut: () => boolean): AppError {
  if (isAppError(e)) return e;
  if (e instanceof Error && isAppError(e.cause)) return e.cause;
  if (timedOut())
    return new AppError(
      'FETCH_FAILED',
      `no complete answer within ${timeoutMs} ms`,
      { file: url },
      { cause: e },
    );
  const message = e instanceof Error ? e.message : String(e);
  return new AppError('FETCH_FAILED', `fetch failed: ${message}`, { file: url }, { cause: e });
}

/** Drops a body not to be read; undici reports the abort as an error, which is expected here. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

function parseUrl(location: string): URL {
  try {
    return new URL(location);
  } catch {
    throw new AppError('USAGE', `not a valid URL: "${location.slice(0, 200)}"`);
  }
}

function checkScheme(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('FETCH_BLOCKED', `only http and https URLs are fetched, not ${url.protocol}`, {
      file: url.href,
    });
  }
}

/**
 * The one way Threatloom fetches a URL: http/https only, every connection checked against the
 * address policy after DNS resolution, redirects refused unless allowed (then each hop
 * re-checked and credentials dropped across origins), a timeout over the whole exchange,
 * and caps on compressed and decompressed bytes while the body streams.
 */
export async function guardedFetch(location: string, opts: GuardedFetchOptions): Promise<GuardedResponse> {
  const { limits } = opts;
  const policy = opts.addressPolicy ?? (opts.allowPrivate ? anyAddress : publicAddressesOnly);
  const agent = createGuardedAgent({ policy, timeoutMs: limits.fetchTimeoutMs });
  const timeout = AbortSignal.timeout(limits.fetchTimeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let url = parseUrl(location);
  let headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...opts.headers };
  try {
    for (let hop = 0; ; hop++) {
      checkScheme(url);
      const res = await request(url, { dispatcher: agent, headers, signal });
      const hopTo = nextHop({
        url,
        status: res.statusCode,
        location: headerValue(res.headers, 'location'),
        headers,
      });
      if (hopTo) {
        discard(res.body);
        if (!opts.allowRedirects) {
          throw new AppError(
            'FETCH_BLOCKED',
            `redirect to ${hopTo.url.href} refused: redirects are not allowed`,
            { file: url.href },
          );
        }
        if (hop >= limits.maxRedirects)
          throw new AppError('FETCH_BLOCKED', `more than ${limits.maxRedirects} redirects`, {
            file: location,
          });
        ({ url, headers } = hopTo);
        continue;
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        discard(res.body);
        throw new AppError('FETCH_FAILED', `HTTP ${res.statusCode}`, { file: url.href });
      }
      const finalUrl = url.href;
      const decoded = decodeBody(res.body, {
        url: finalUrl,
        contentEncoding: headerValue(res.headers, 'content-encoding'),
        maxCompressedBytes: limits.maxFetchBytes,
        maxDecodedBytes: limits.maxDecompressedBytes,
      });
      const responseHeaders = Object.fromEntries(
        Object.keys(res.headers).map((k) => [k, headerValue(res.headers, k) ?? '']),
      );
      return {
        url: finalUrl,
        status: res.statusCode,
        headers: responseHeaders,
        body: mapErrors(decoded, finalUrl, limits.fetchTimeoutMs, () => timeout.aborted, agent),
      };
    }
  } catch (e) {
    void agent.destroy();
    throw toFetchError(e, url.href, limits.fetchTimeoutMs, () => timeout.aborted);
  }
}

async function* mapErrors(
  body: AsyncIterable<Buffer>,
  url: string,
  timeoutMs: number,
  timedOut: () => boolean,
  agent: Dispatcher,
): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of body) yield chunk;
  } catch (e) {
    throw toFetchError(e, url, timeoutMs, timedOut);
  } finally {
    void agent.destroy();
  }
}
