/**
 * Observables: the atomic indicator values, their canonical forms, refanging and extraction
 * from free text. Decisions every caller should know:
 *
 * - IPv4 is a strict dotted quad; leading-zero octets (`010.1.1.1`, `1.2.3.04`) are rejected,
 *   not normalized, because inet_aton reads them as octal and most tools as decimal.
 * - IPv6 is written per RFC 5952, IPv4-mapped addresses as `::ffff:1.2.3.4`.
 * - A CIDR is normalized to its network address (`10.1.2.3/8` → `10.0.0.0/8`); a /32 or /128
 *   is the bare address, of kind ipv4/ipv6. Naming `ipv4` for a CIDR gives a `cidr4` (and so on):
 *   always use the returned `kind`.
 * - Domains: lower case, punycode, no trailing dot; a bare public suffix (`co.uk`) is rejected.
 *   With the kind named, an unknown TLD is accepted and flagged `unknown-tld`; without it (and in
 *   text) an ICANN or special-use suffix is required.
 * - URLs: WHATWG parsing, scheme/host lower case, default port and fragment dropped, percent-
 *   encoding normalized, empty path `/`; with the kind named, `host/path` reads as `http://`.
 * - E-mail: local part as written, domain canonicalized. ASN: `AS<n>` (a bare number only with the
 *   kind named). CVE: upper case. Hashes: lower-case hex, kind from the length.
 * - Flags (see ObservableFlag) describe a value and never drop it.
 * - Text extraction: see extractObservables (file names, versions and code are not domains).
 */
export type { Observable, ObservableFlag, ObservableKind } from './types.ts';
export { OBSERVABLE_KINDS } from './types.ts';
export { refang } from './refang.ts';
export { canonicalize, detectKind, parseObservable } from './parse.ts';
export { extractObservables } from './extract.ts';
export { ipv4ToInt } from './ipv4.ts';
export { cidrRange } from './cidr.ts';
