import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { OBSERVABLE_KINDS, type ObservableKind } from '../../observables/index.ts';
import { SCHEDULE_RE } from './schedule.ts';

const kind = z.enum(OBSERVABLE_KINDS as [ObservableKind, ...ObservableKind[]]);
const role = z.enum([
  'value',
  'kind',
  'labels',
  'description',
  'first_seen',
  'last_seen',
  'confidence',
  'ignore',
]);

/** How a CSV or one-per-line list feed is read: the options of the CSV source. */
export const csvMappingSchema = z.strictObject({
  delimiter: z.enum([',', '\t', ';', '|']).optional(),
  comment: z.string().min(1).optional(),
  hasHeader: z.boolean().optional(),
  columns: z.record(z.string(), role).optional(),
  kind: z.union([kind, z.record(z.string(), kind)]).optional(),
});

export const catalogEntrySchema = z
  .strictObject({
    /** Stable short name, used by `feeds add --from-catalog NAME`. */
    name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    title: z.string().min(1),
    description: z.string().min(1),
    provider: z.string().min(1),
    url: z.url({ protocol: /^https$/ }),
    format: z.enum(['stix', 'csv', 'text', 'misp', 'kev', 'epss', 'cve', 'cwe']),
    csv: csvMappingSchema.optional(),
    /** The format's header line as the provider documents it (commented headers included). */
    header: z.string().optional(),
    /** One data line in the documented format, for tests of the mapping. */
    example: z.string().optional(),
    /** Admiralty source reliability (A completely reliable … F cannot be judged). */
    reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']),
    tlp: z.enum(['clear', 'green', 'amber', 'amber+strict', 'red']),
    schedule: z.string().regex(SCHEDULE_RE),
    enabled: z.literal(false),
  })
  .refine((e) => e.format !== 'csv' || (e.csv !== undefined && e.example !== undefined), {
    message: 'a CSV feed needs its mapping and an example line',
  })
  .refine((e) => e.csv?.columns === undefined || e.header !== undefined, {
    message: 'named columns need the documented header',
  });

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** A feed's CSV mapping as given by a user or stored, checked before it configures a reader. */
export function parseCsvMapping(value: unknown, where: string): z.infer<typeof csvMappingSchema> {
  const r = csvMappingSchema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
  throw new AppError('USAGE', `${where}${path}: ${issue.message}`);
}
