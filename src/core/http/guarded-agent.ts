import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { AppError } from '../errors.ts';
import type { AddressPolicy } from './address-policy.ts';

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function blocked(host: string, ip: string): AppError {
  return new AppError('FETCH_BLOCKED', `connection to ${host} (${ip}) refused: address not allowed`, {
    file: host,
  });
}

/**
 * A DNS lookup that checks every resolved address against the policy before the socket
 * connects, so the address checked is the address used (no DNS-rebinding window).
 */
function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => !policy(a.address));
      if (bad) return callback(blocked(hostname, bad.address), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), []);
      callback(null, first.address, first.family);
    });
  };
}

export interface GuardedAgentOptions {
  policy: AddressPolicy;
  timeoutMs: number;
}

/**
 * An undici Agent whose every connection is checked: literal IP hosts here (Node skips the
 * lookup for them; the WHATWG URL parser has already turned `2130706433` or `0x7f.1` into
 * dotted form), host names in the lookup.
 */
export function createGuardedAgent({ policy, timeoutMs }: GuardedAgentOptions): Agent {
  const connector = buildConnector({ lookup: guardedLookup(policy), timeout: timeoutMs });
  return new Agent({
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: (opts, callback) => {
      if (isIP(opts.hostname) && !policy(opts.hostname)) {
        callback(blocked(opts.hostname, opts.hostname), null);
        return;
      }
      connector(opts, callback);
    },
  });
}
