import { domainToASCII } from 'node:url';
import { parse as parseTld } from 'tldts';
import type { ObservableFlag } from './types.ts';

const TLD_OPTIONS = { extractHostname: false, validateHostname: false, detectIp: false, mixedInputs: false };

/** Special-use names (RFC 2606, RFC 6761, RFC 6762, RFC 8375) and common private-use TLDs. */
const SPECIAL_TLDS: ReadonlyMap<string, ObservableFlag> = new Map([
  ['test', 'documentation'],
  ['example', 'documentation'],
  ['invalid', 'documentation'],
  ['localhost', 'documentation'],
  ['local', 'link-local'],
  ['internal', 'private'],
  ['lan', 'private'],
  ['corp', 'private'],
  ['home', 'private'],
  ['intranet', 'private'],
  ['private', 'private'],
]);
const DOCUMENTATION_DOMAINS = new Set(['example.com', 'example.net', 'example.org']);

export interface DomainResult {
  value: string;
  flags: ObservableFlag[];
  /** ICANN public suffix or special-use name: extraction from text requires it. */
  knownSuffix: boolean;
  tld: string;
}

/**
 * Checks LDH-style labels (underscore allowed, as real hostnames carry it; no label starts with
 * a hyphen) and a letters-only or `xn--` TLD of two or more characters; at least two labels.
 */
function validLabels(d: string): boolean {
  if (d.length === 0 || d.length > 253) return false;
  let labelStart = 0;
  let labels = 0;
  for (let i = 0; i <= d.length; i++) {
    const c = i < d.length ? d.charCodeAt(i) : 46;
    if (c === 46) {
      const len = i - labelStart;
      if (len === 0 || len > 63 || d.charCodeAt(labelStart) === 45) return false;
      labels++;
      labelStart = i + 1;
    } else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95)) {
      return false;
    }
  }
  const tld = d.slice(d.lastIndexOf('.') + 1);
  return labels >= 2 && tld.length >= 2 && (/^[a-z]+$/.test(tld) || /^xn--[a-z0-9-]+$/.test(tld));
}

/** Lower-case ASCII (punycode for IDN labels, whatever the case of the other letters). */
function asciiForm(raw: string): string {
  let upper = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128) return domainToASCII(raw);
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? raw.toLowerCase() : raw;
}

function flagsOf(d: string, tld: string, icann: boolean): { flags: ObservableFlag[]; known: boolean } {
  const flags: ObservableFlag[] = [];
  const special = SPECIAL_TLDS.get(tld);
  const registrable = d.slice(d.lastIndexOf('.', d.length - tld.length - 2) + 1);
  if (special) flags.push(special);
  else if (DOCUMENTATION_DOMAINS.has(registrable)) flags.push('documentation');
  else if (d === 'home.arpa' || d.endsWith('.home.arpa')) flags.push('private');
  else if (!icann) flags.push('unknown-tld');
  if (d.startsWith('xn--') || d.includes('.xn--')) flags.push('idn');
  return { flags, known: icann || special !== undefined };
}

/**
 * Domain canonical form: lower case, IDNA (UTS #46) to punycode via `url.domainToASCII`, one
 * trailing dot dropped. A bare public suffix (`co.uk`) is not a domain observable.
 */
export function canonicalDomain(raw: string): DomainResult | null {
  let d = asciiForm(raw);
  if (d.endsWith('.')) d = d.slice(0, -1);
  if (!validLabels(d)) return null;
  const info = parseTld(d, TLD_OPTIONS);
  // The registrable label is a host name (RFC 952): underscores only below it.
  if (info.domain === null || info.domain.includes('_')) return null;
  const tld = d.slice(d.lastIndexOf('.') + 1);
  const { flags, known } = flagsOf(d, tld, info.isIcann === true);
  return { value: d, flags, knownSuffix: known, tld };
}

/** True when `label` alone is an ICANN top-level domain. */
export function isIcannTld(label: string): boolean {
  return parseTld(`x.${label.toLowerCase()}`, TLD_OPTIONS).isIcann === true;
}
