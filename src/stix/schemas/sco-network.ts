import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { all, anyOf, notBoth, ordered, scoCommon } from './common.ts';
import { dictionary, list, strings, timestamp } from './primitives.ts';
import { hashes } from './structures.ts';

/** §6.2 */
export const autonomousSystemSchema = z.looseObject({
  ...scoCommon('autonomous-system'),
  number: z.int(),
  name: z.string().optional(),
  rir: z.string().optional(),
});

/** §6.4 */
export const domainNameSchema = z.looseObject({
  ...scoCommon('domain-name'),
  value: z.string().min(1),
  resolves_to_refs: list(z.string()).optional(),
});

/** §6.5 */
export const emailAddrSchema = z.looseObject({
  ...scoCommon('email-addr'),
  value: z.string().min(1),
  display_name: z.string().optional(),
  belongs_to_ref: z.string().optional(),
});

const IPV4_RE =
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\/(?:3[0-2]|[12]?\d))?$/;

/** §6.8: an address or a CIDR block. */
export const ipv4AddrSchema = z.looseObject({
  ...scoCommon('ipv4-addr'),
  value: z.string().regex(IPV4_RE, { message: 'must be an IPv4 address or CIDR block' }),
  resolves_to_refs: list(z.string()).optional(),
  belongs_to_refs: list(z.string()).optional(),
});

function isIpv6OrCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return ipaddr.IPv6.isValid(value);
  const prefix = value.slice(slash + 1);
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= 128 && ipaddr.IPv6.isValid(value.slice(0, slash));
}

/** §6.9: an address or a CIDR block. */
export const ipv6AddrSchema = z.looseObject({
  ...scoCommon('ipv6-addr'),
  value: z.string().max(100).refine(isIpv6OrCidr, { message: 'must be an IPv6 address or CIDR block' }),
  resolves_to_refs: list(z.string()).optional(),
  belongs_to_refs: list(z.string()).optional(),
});

/** §6.10: lowercase, colon-delimited EUI-48. */
export const macAddrSchema = z.looseObject({
  ...scoCommon('mac-addr'),
  value: z.string().regex(/^(?:[0-9a-f]{2}:){5}[0-9a-f]{2}$/, {
    message: 'must be a lowercase colon-delimited MAC address',
  }),
});

const port = z.int().min(0).max(65535);

/** §6.12: an active flow has no end; end is not before start. */
export const networkTrafficSchema = z
  .looseObject({
    ...scoCommon('network-traffic'),
    start: timestamp.optional(),
    end: timestamp.optional(),
    is_active: z.boolean().optional(),
    src_ref: z.string().optional(),
    dst_ref: z.string().optional(),
    src_port: port.optional(),
    dst_port: port.optional(),
    protocols: strings,
    src_byte_count: z.int().min(0).optional(),
    dst_byte_count: z.int().min(0).optional(),
    src_packets: z.int().min(0).optional(),
    dst_packets: z.int().min(0).optional(),
    ipfix: dictionary.optional(),
    src_payload_ref: z.string().optional(),
    dst_payload_ref: z.string().optional(),
    encapsulates_refs: list(z.string()).optional(),
    encapsulated_by_ref: z.string().optional(),
  })
  .superRefine(
    all(anyOf(['src_ref', 'dst_ref']), ordered([['start', 'end']]), (o, ctx) => {
      if (o.is_active === true) notBoth('is_active', 'end')(o, ctx);
    }),
  );

/** §6.15 */
export const urlSchema = z.looseObject({ ...scoCommon('url'), value: z.string().min(1) });

const X509_PROPERTIES = [
  'is_self_signed',
  'hashes',
  'version',
  'serial_number',
  'signature_algorithm',
  'issuer',
  'validity_not_before',
  'validity_not_after',
  'subject',
  'subject_public_key_algorithm',
  'subject_public_key_modulus',
  'subject_public_key_exponent',
  'x509_v3_extensions',
];

/** §6.18: at least one certificate property. */
export const x509CertificateSchema = z
  .looseObject({
    ...scoCommon('x509-certificate'),
    is_self_signed: z.boolean().optional(),
    hashes: hashes.optional(),
    version: z.string().optional(),
    serial_number: z.string().optional(),
    signature_algorithm: z.string().optional(),
    issuer: z.string().optional(),
    validity_not_before: timestamp.optional(),
    validity_not_after: timestamp.optional(),
    subject: z.string().optional(),
    subject_public_key_algorithm: z.string().optional(),
    subject_public_key_modulus: z.string().optional(),
    subject_public_key_exponent: z.int().optional(),
    x509_v3_extensions: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine(all(anyOf(X509_PROPERTIES), ordered([['validity_not_before', 'validity_not_after']])));
