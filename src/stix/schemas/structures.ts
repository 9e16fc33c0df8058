import { z } from 'zod';
import { isStixId } from '../identifier.ts';
import { dictionary, list, ref } from './primitives.ts';

/** Hash values of the hash-algorithm-ov (§10.7) are checked; other names only for their form. */
const HASH_VALUE: Readonly<Record<string, RegExp>> = {
  MD5: /^[a-fA-F0-9]{32}$/,
  'SHA-1': /^[a-fA-F0-9]{40}$/,
  'SHA-256': /^[a-fA-F0-9]{64}$/,
  'SHA-512': /^[a-fA-F0-9]{128}$/,
  'SHA3-256': /^[a-fA-F0-9]{64}$/,
  'SHA3-512': /^[a-fA-F0-9]{128}$/,
  SSDEEP: /^[a-zA-Z0-9/+:.]{1,128}$/,
  // The official schema wants 70 characters; real TLSH digests also carry a `T1` version prefix.
  TLSH: /^(?:T1)?[a-fA-F0-9]{70}$/,
};
const HASH_NAME_RE = /^[a-zA-Z0-9_-]{3,250}$/;

/** The hashes type (§2.7): a non-empty dictionary of algorithm name to digest. */
export const hashes = z.record(z.string(), z.string()).superRefine((h, ctx) => {
  const names = Object.keys(h);
  if (names.length === 0) ctx.addIssue({ code: 'custom', message: 'must hold at least one hash' });
  for (const name of names) {
    const pattern = HASH_VALUE[name];
    if (pattern ? !pattern.test(h[name] ?? '') : !HASH_NAME_RE.test(name)) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: pattern ? `is not a valid ${name} digest` : 'is not a valid hash algorithm name',
      });
    }
  }
});

const CVE_RE = /^CVE-\d{4}-(?:0\d{3}|[1-9]\d{3,})$/;
const CAPEC_RE = /^CAPEC-\d+$/;

/** External reference (§2.5); `cve` and `capec` sources must carry a well-formed id. */
export const externalReference = z
  .looseObject({
    source_name: z.string(),
    description: z.string().optional(),
    url: z.string().optional(),
    hashes: hashes.optional(),
    external_id: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    const source = r.source_name;
    const rule = source === 'cve' ? CVE_RE : source === 'capec' ? CAPEC_RE : undefined;
    if (rule && !rule.test(r.external_id ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['external_id'],
        message: `must be a ${source.toUpperCase()} id`,
      });
    } else if (r.external_id === undefined && r.description === undefined && r.url === undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs at least one of external_id, description or url' });
    }
  });

/** Kill chain phase (§2.8). */
export const killChainPhase = z.looseObject({ kill_chain_name: z.string(), phase_name: z.string() });

const SELECTOR_RE = /^(?:[a-z0-9_-]{3,249}(?:\.(?:\[\d+\]|[a-z0-9_-]{1,250}))*|id)$/;

/** Granular marking (§7.2.3): selectors plus exactly one of marking_ref and lang. */
export const granularMarking = z
  .looseObject({
    selectors: list(z.string().regex(SELECTOR_RE, { message: 'is not a valid selector' })),
    marking_ref: ref({ only: ['marking-definition'] }).optional(),
    lang: z.string().optional(),
  })
  .superRefine((g, ctx) => {
    if ((g.marking_ref === undefined) === (g.lang === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'needs exactly one of marking_ref and lang' });
    }
  });

const PREDEFINED_EXT_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-ext$/;
export const EXTENSION_TYPES = [
  'new-sdo',
  'new-sco',
  'new-sro',
  'property-extension',
  'toplevel-property-extension',
] as const;

const EXTENSION_TYPE_SET: ReadonlySet<unknown> = new Set(EXTENSION_TYPES);

/**
 * The extensions dictionary (§7.3): keys are predefined `…-ext` names or the id of an
 * extension-definition, whose instance must state its `extension_type`.
 */
export const extensions = dictionary.superRefine((exts, ctx) => {
  for (const [key, value] of Object.entries(exts)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'must be an object' });
    } else if (key.startsWith('extension-definition--') && isStixId(key)) {
      const type = (value as Record<string, unknown>).extension_type;
      if (!EXTENSION_TYPE_SET.has(type)) {
        const message =
          type === undefined
            ? 'required property is missing'
            : `must be one of ${EXTENSION_TYPES.join(', ')}`;
        ctx.addIssue({ code: 'custom', path: [key, 'extension_type'], message });
      }
    } else if (!PREDEFINED_EXT_RE.test(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'must be an extension-definition id or a name ending in -ext',
      });
    } else if (Object.keys(value).length === 0) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'must not be empty' });
    }
  }
});
