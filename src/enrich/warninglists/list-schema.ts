import { z } from 'zod';

const TYPES = ['string', 'substring', 'hostname', 'cidr', 'regex'] as const;
const entry = z.string().max(65_536);

/**
 * A MISP warninglist `list.json` (schema.json of MISP/misp-warninglists), read as MISP's import
 * reads it (Warninglist.php): a missing `type` is `string`, an array `type` takes its first
 * element, `list` may be an object whose keys are the entries, `category` defaults to
 * `false_positive`. Unknown keys are ignored.
 */
export const WarninglistFileSchema = z.object({
  name: z.string().trim().min(1).max(512),
  version: z.number().int().nonnegative(),
  description: z.string().max(65_536).optional(),
  type: z
    .union([z.enum(TYPES), z.array(z.enum(TYPES)).min(1)])
    .optional()
    .transform((t) => (Array.isArray(t) ? t[0]! : (t ?? 'string'))),
  matching_attributes: z.array(z.string().max(256)).max(1000).optional(),
  category: z.enum(['false_positive', 'known']).optional(),
  list: z.union([z.array(entry), z.record(entry, z.unknown()).transform((o) => Object.keys(o))]),
});

export type WarninglistFile = z.output<typeof WarninglistFileSchema>;
