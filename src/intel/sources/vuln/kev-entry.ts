import { z } from 'zod';
import type { ItemLocation } from '../../source.ts';
import { isDate, toUtcTimestamp } from './dates.ts';
import { reject, type KnowledgeRecord } from './records.ts';

export const CVE_ID = /^CVE-\d{4}-\d{4,19}$/;
const CWE_ID = /^CWE-\d{1,6}$/;

const text = z.string().max(100_000);
const date = z.string().refine(isDate, 'expected a date YYYY-MM-DD');

/** One entry of the CISA KEV catalog (known_exploited_vulnerabilities_schema.json). */
export const kevEntrySchema = z.object({
  cveID: z.string().regex(CVE_ID, 'expected a CVE id such as CVE-2021-44228'),
  vendorProject: text,
  product: text,
  vulnerabilityName: text,
  dateAdded: date,
  shortDescription: text,
  requiredAction: text,
  dueDate: date,
  knownRansomwareCampaignUse: text.optional(),
  notes: text.optional(),
  cwes: z.array(z.string().regex(CWE_ID, 'expected a CWE id such as CWE-79')).max(1000).optional(),
});

export type KevEntry = z.infer<typeof kevEntrySchema>;

/**
 * A KEV entry as a facts update. The entry is stored in one canonical key order, so the JSON
 * and CSV editions of the catalog give the same `kev_json`. KEV's CWEs and description only
 * fill columns a CVE record has not set.
 */
export function kevRecord(raw: unknown, location: ItemLocation): KnowledgeRecord {
  const parsed = kevEntrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.map(String).join('.');
    return reject(`${key ? `${key}: ` : ''}${issue.message}`, {
      ...location,
      path: location.line === undefined && key ? `${location.path}.${key}` : location.path,
    });
  }
  const e = parsed.data;
  const entry: KevEntry = {
    cveID: e.cveID,
    vendorProject: e.vendorProject,
    product: e.product,
    vulnerabilityName: e.vulnerabilityName,
    dateAdded: e.dateAdded,
    shortDescription: e.shortDescription,
    requiredAction: e.requiredAction,
    dueDate: e.dueDate,
    knownRansomwareCampaignUse: e.knownRansomwareCampaignUse ?? 'Unknown',
    notes: e.notes ?? '',
    cwes: e.cwes ?? [],
  };
  const cwes = [...new Set(entry.cwes)];
  return {
    kind: 'vuln',
    update: {
      cve: e.cveID,
      set: {
        kev: 1,
        kev_date_added: e.dateAdded,
        kev_due_date: e.dueDate,
        kev_ransomware: entry.knownRansomwareCampaignUse ?? null,
        kev_json: JSON.stringify(entry),
      },
      fill: {
        ...(cwes.length > 0 ? { cwes: JSON.stringify(cwes) } : {}),
        ...(e.shortDescription ? { description: e.shortDescription } : {}),
      },
    },
    stix: {
      description: `${e.vulnerabilityName}: ${e.shortDescription}`,
      modified: toUtcTimestamp(e.dateAdded)!,
    },
    location,
  };
}
