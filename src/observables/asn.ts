import type { ObservableFlag } from './types.ts';

const PREFIXED = /^ASN?\s?(\d{1,10})$/i;
const ASDOT = /^AS(\d{1,5})\.(\d{1,5})$/i;
const BARE = /^\d{1,10}$/;
const MAX = 4294967295;

/** RFC 6996 private use, RFC 5398 documentation, RFC 7300 / IANA reserved. */
function asnFlag(n: number): ObservableFlag | undefined {
  if ((n >= 64512 && n <= 65534) || (n >= 4200000000 && n < MAX)) return 'private';
  if ((n >= 64496 && n <= 64511) || (n >= 65536 && n <= 65551)) return 'documentation';
  if (n === 0 || n === 23456 || n === 65535 || n === MAX || (n >= 65552 && n <= 131071)) return 'reserved';
  return undefined;
}

/**
 * ASN canonical form `AS<n>` in asplain (RFC 5396): `AS13335`, `as13335`, `ASN 13335` and the
 * asdot `AS0.13335` all give `AS13335`. A bare number is an ASN only when `bareNumber` is set
 * (the caller named the kind).
 */
export function parseAsn(s: string, bareNumber: boolean): { value: string; flags: ObservableFlag[] } | null {
  let n: number;
  const dot = ASDOT.exec(s);
  if (dot) {
    const [hi, lo] = [Number(dot[1]), Number(dot[2])];
    if (hi > 65535 || lo > 65535) return null;
    n = hi * 65536 + lo;
  } else {
    const m = PREFIXED.exec(s) ?? (bareNumber && BARE.test(s) ? [s, s] : null);
    if (!m) return null;
    n = Number(m[1]);
  }
  if (n > MAX) return null;
  const flag = asnFlag(n);
  return { value: `AS${n}`, flags: flag ? [flag] : [] };
}
