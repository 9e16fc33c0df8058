import { AppError } from '../errors.ts';

/** Headers that still go to a different origin after a redirect; everything else may carry credentials. */
const CROSS_ORIGIN_SAFE_HEADERS = new Set(['accept', 'accept-encoding', 'accept-language', 'user-agent']);

export interface HopInput {
  url: URL;
  status: number;
  location: string | undefined;
  headers: Record<string, string>;
}

/**
 * The next request of a redirect (RFC 9110 §15.4), or undefined when the response is not one.
 * Crossing to another origin keeps only the headers known to be free of credentials, so an
 * `Authorization`, a cookie or a feed's API-key header never reaches the new host.
 */
export function nextHop({
  url,
  status,
  location,
  headers,
}: HopInput): { url: URL; headers: Record<string, string> } | undefined {
  if (![301, 302, 303, 307, 308].includes(status)) return undefined;
  if (!location)
    throw new AppError('FETCH_FAILED', `HTTP ${status} without a Location header`, { file: url.href });
  let next: URL;
  try {
    next = new URL(location, url);
  } catch {
    throw new AppError('FETCH_FAILED', `invalid redirect location "${location.slice(0, 200)}"`, {
      file: url.href,
    });
  }
  if (next.origin === url.origin) return { url: next, headers };
  const kept = Object.entries(headers).filter(([name]) => CROSS_ORIGIN_SAFE_HEADERS.has(name.toLowerCase()));
  return { url: next, headers: Object.fromEntries(kept) };
}
