import { z } from 'zod';
import type { ItemLocation } from '../../source.ts';
import { cveRecord, CWE_ID, english, type CveFacts } from './cve-facts.ts';
import { CVE_ID } from './kev-entry.ts';
import { reject, type KnowledgeRecord } from './records.ts';

/** The parts of an NVD CVE API 2.0 `cve` item Threatloom reads. */
const nvdCveSchema = z.looseObject({
  id: z.string().regex(CVE_ID, 'expected a CVE id such as CVE-2021-44228'),
  published: z.string().optional(),
  lastModified: z.string().optional(),
  vulnStatus: z.string().optional(),
  descriptions: z.array(z.unknown()).optional(),
  weaknesses: z
    .array(z.looseObject({ description: z.array(z.looseObject({ value: z.string() })).optional() }))
    .optional(),
  configurations: z
    .array(
      z.looseObject({
        nodes: z
          .array(
            z.looseObject({
              cpeMatch: z
                .array(z.looseObject({ vulnerable: z.boolean().optional(), criteria: z.string() }))
                .optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});

/**
 * One `vulnerabilities[].cve` of an NVD 2.0 response: its description, CWE weaknesses (NVD's
 * `NVD-CWE-Other` / `NVD-CWE-noinfo` placeholders are not CWEs) and the criteria of the
 * vulnerable CPE matches.
 */
export function nvdRecord(raw: unknown, location: ItemLocation): KnowledgeRecord {
  const parsed = nvdCveSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return reject(issue.message, { ...location, path: `${location.path}${key}` });
  }
  const c = parsed.data;
  if (c.vulnStatus === 'Rejected')
    return reject(`${c.id} is rejected, not a vulnerability`, {
      ...location,
      path: `${location.path}.vulnStatus`,
    });
  const facts: CveFacts = { cve: c.id, cwes: [], cpes: [] };
  const description = english(c.descriptions);
  if (description) facts.description = description;
  if (c.published) facts.published = c.published;
  if (c.lastModified) facts.updated = c.lastModified;
  for (const w of c.weaknesses ?? [])
    for (const d of w.description ?? []) if (CWE_ID.test(d.value)) facts.cwes.push(d.value);
  (c.configurations ?? []).forEach((conf, i) =>
    (conf.nodes ?? []).forEach((node, j) =>
      (node.cpeMatch ?? []).forEach((m, k) => {
        if (m.vulnerable !== false)
          facts.cpes.push({
            value: m.criteria,
            path: `${location.path}.configurations[${i}].nodes[${j}].cpeMatch[${k}].criteria`,
          });
      }),
    ),
  );
  return cveRecord(facts, location);
}
