import { AppError } from '../core/errors.ts';
import { intToIpv4, ipv4Int, ipv4RangeFlag } from './ipv4.ts';
import { formatIpv6, ipv6Groups, ipv6Hex, ipv6RangeFlag, maskIpv6 } from './ipv6.ts';
import type { ObservableFlag } from './types.ts';

type IpKind = 'ipv4' | 'ipv6' | 'cidr4' | 'cidr6';

export interface ParsedIp {
  kind: IpKind;
  value: string;
  flags: ObservableFlag[];
}

/** A decimal prefix length without leading zeros, at most `max`; -1 otherwise. */
function prefixLength(s: string, max: number): number {
  if (!/^(?:0|[1-9]\d{0,2})$/.test(s)) return -1;
  const n = Number(s);
  return n <= max ? n : -1;
}

function v4Block(lo: number, bits: number): { lo: number; hi: number } {
  const size = 2 ** (32 - bits);
  const base = lo - (lo % size);
  return { lo: base, hi: base + size - 1 };
}

/**
 * `addr/len` → the block normalized to its network address (`10.1.2.3/8` → `10.0.0.0/8`). A
 * host prefix (/32, /128) is the address itself, of kind ipv4/ipv6, so that `1.2.3.4/32` and
 * `1.2.3.4` are one observable.
 */
export function parseCidr(s: string): ParsedIp | null {
  const slash = s.indexOf('/');
  if (slash < 0) return null;
  const addr = s.slice(0, slash);
  if (addr.includes(':')) {
    const g = ipv6Groups(addr);
    const bits = prefixLength(s.slice(slash + 1), 128);
    if (!g || bits < 0) return null;
    const lo = maskIpv6(g, bits, false);
    const flag = ipv6RangeFlag(lo, maskIpv6(g, bits, true));
    const flags: ObservableFlag[] = flag ? [flag] : [];
    if (bits === 128) return { kind: 'ipv6', value: formatIpv6(lo), flags };
    return { kind: 'cidr6', value: `${formatIpv6(lo)}/${bits}`, flags };
  }
  const n = ipv4Int(addr);
  const bits = prefixLength(s.slice(slash + 1), 32);
  if (n < 0 || bits < 0) return null;
  const { lo, hi } = v4Block(n, bits);
  const flag = ipv4RangeFlag(lo, hi);
  const flags: ObservableFlag[] = flag ? [flag] : [];
  if (bits === 32) return { kind: 'ipv4', value: intToIpv4(lo), flags };
  return { kind: 'cidr4', value: `${intToIpv4(lo)}/${bits}`, flags };
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/**
 * The first and last address of a canonical IP or CIDR as fixed-width lower-case hex (8 chars
 * for IPv4, 32 for IPv6), so that string comparison orders addresses. A bare address given as
 * a CIDR kind counts as a host prefix. Throws INVALID_INPUT when `value` is not of `kind`'s family.
 */
export function cidrRange(kind: IpKind, value: string): { lo: string; hi: string } {
  const v4 = kind === 'ipv4' || kind === 'cidr4';
  const slash = value.indexOf('/');
  const addr = slash < 0 ? value : value.slice(0, slash);
  const bits = slash < 0 ? (v4 ? 32 : 128) : prefixLength(value.slice(slash + 1), v4 ? 32 : 128);
  if (v4) {
    const n = ipv4Int(addr);
    if (n >= 0 && bits >= 0) {
      const { lo, hi } = v4Block(n, bits);
      return { lo: hex8(lo), hi: hex8(hi) };
    }
  } else {
    const g = ipv6Groups(addr);
    if (g && bits >= 0)
      return { lo: ipv6Hex(maskIpv6(g, bits, false)), hi: ipv6Hex(maskIpv6(g, bits, true)) };
  }
  throw new AppError('INVALID_INPUT', `not an ${kind} value: ${value.slice(0, 64)}`);
}
