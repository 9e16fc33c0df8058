/**
 * Observables: the atomic indicator values (IPs, CIDRs, domains, URLs, e-mails, hashes, ASNs,
 * CVEs), their canonical forms, refanging and extraction from free text.
 */
export type { Observable, ObservableFlag, ObservableKind } from './types.ts';
export { OBSERVABLE_KINDS } from './types.ts';
export { refang } from './refang.ts';
export { canonicalize, detectKind, parseObservable } from './parse.ts';
export { extractObservables } from './extract.ts';
export { ipv4ToInt } from './ipv4.ts';
export { cidrRange } from './cidr.ts';
