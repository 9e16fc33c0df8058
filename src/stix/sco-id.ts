import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors.ts';
import { canonicalJson } from './jcs.ts';
import type { ScoType } from './types.ts';
import { uuidV5 } from '../core/uuid.ts';

/** The namespace of deterministic SCO identifiers (§2.9). */
export const SCO_ID_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** ID contributing properties of each SCO type (§6, "ID Contributing Properties"); process has none. */
export const SCO_ID_PROPERTIES: Readonly<Record<ScoType, readonly string[]>> = {
  artifact: ['hashes', 'payload_bin'],
  'autonomous-system': ['number'],
  directory: ['path'],
  'domain-name': ['value'],
  'email-addr': ['value'],
  'email-message': ['from_ref', 'subject', 'body'],
  file: ['hashes', 'name', 'extensions', 'parent_directory_ref'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'mac-addr': ['value'],
  mutex: ['name'],
  'network-traffic': [
    'start',
    'end',
    'src_ref',
    'dst_ref',
    'src_port',
    'dst_port',
    'protocols',
    'extensions',
  ],
  process: [],
  software: ['name', 'cpe', 'swid', 'vendor', 'version'],
  url: ['value'],
  'user-account': ['account_type', 'user_id', 'account_login'],
  'windows-registry-key': ['key', 'values'],
  'x509-certificate': ['hashes', 'serial_number'],
};

/** §2.9: of several hashes only one contributes, the first of these present, else the first listed. */
const HASH_PREFERENCE = ['MD5', 'SHA-1', 'SHA-256', 'SHA-512'];

function oneHash(hashes: Record<string, unknown>): Record<string, unknown> | undefined {
  const name = HASH_PREFERENCE.find((h) => hashes[h] !== undefined) ?? Object.keys(hashes)[0];
  return name === undefined ? undefined : { [name]: hashes[name] };
}

/**
 * The identifier of an SCO (§2.9): UUIDv5 in the SCO namespace over the RFC 8785 canonical JSON
 * of its ID contributing properties. Values are used as given, so canonicalize observable
 * values first. With no contributing property present (always for `process`) the spec asks
 * for a random UUIDv4, which is what comes back.
 */
export function scoId(obj: Record<string, unknown>): string {
  const type = obj.type;
  const names = typeof type === 'string' ? SCO_ID_PROPERTIES[type as ScoType] : undefined;
  if (names === undefined || !Object.hasOwn(SCO_ID_PROPERTIES, type as string)) {
    throw new AppError('INVALID_INPUT', `not a STIX 2.1 SCO type: ${String(type)}`, { path: '$.type' });
  }
  const contributing: Record<string, unknown> = {};
  for (const name of names) {
    const value = name === 'hashes' && isObject(obj.hashes) ? oneHash(obj.hashes) : obj[name];
    if (value !== undefined) contributing[name] = value;
  }
  const uuid =
    Object.keys(contributing).length > 0
      ? uuidV5(SCO_ID_NAMESPACE, canonicalJson(contributing))
      : randomUUID();
  return `${type as string}--${uuid}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
