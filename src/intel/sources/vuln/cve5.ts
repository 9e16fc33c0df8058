import { z } from 'zod';
import type { ItemLocation } from '../../source.ts';
import { cveRecord, CWE_ID, english, type CveFacts } from './cve-facts.ts';
import { CVE_ID } from './kev-entry.ts';
import { reject, type KnowledgeRecord } from './records.ts';

const container = z.looseObject({
  descriptions: z.array(z.unknown()).optional(),
  problemTypes: z
    .array(
      z.looseObject({ descriptions: z.array(z.looseObject({ cweId: z.string().optional() })).optional() }),
    )
    .optional(),
  affected: z.array(z.looseObject({ cpes: z.array(z.string()).optional() })).optional(),
});

/** The parts of a CVE JSON 5 record Threatloom reads (CVE Record Format 5.x, cve.org). */
const cve5Schema = z.looseObject({
  cveMetadata: z.looseObject({
    cveId: z.string().regex(CVE_ID, 'expected a CVE id such as CVE-2021-44228'),
    state: z.string(),
    datePublished: z.string().optional(),
    dateUpdated: z.string().optional(),
  }),
  containers: z.looseObject({ cna: container.optional(), adp: z.array(container).optional() }),
});

export function isCve5(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    ('cveMetadata' in v || (v as { dataType?: unknown }).dataType === 'CVE_RECORD')
  );
}

/** One CVE JSON 5 record: the CNA's description, and the CWEs and CPEs of the CNA and ADP containers. */
export function cve5Record(raw: unknown, location: ItemLocation): KnowledgeRecord {
  const parsed = cve5Schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return reject(issue.message, { ...location, path: `${location.path}${key}` });
  }
  const { cveMetadata: meta, containers } = parsed.data;
  if (meta.state !== 'PUBLISHED')
    return reject(`${meta.cveId} is ${meta.state}, not a published vulnerability`, {
      ...location,
      path: `${location.path}.cveMetadata.state`,
    });
  const facts: CveFacts = { cve: meta.cveId, cwes: [], cpes: [] };
  const description = english(containers.cna?.descriptions);
  if (description) facts.description = description;
  if (meta.datePublished) facts.published = meta.datePublished;
  if (meta.dateUpdated) facts.updated = meta.dateUpdated;
  const all = [
    ...(containers.cna ? [{ c: containers.cna, path: `${location.path}.containers.cna` }] : []),
    ...(containers.adp ?? []).map((c, i) => ({ c, path: `${location.path}.containers.adp[${i}]` })),
  ];
  for (const { c, path } of all) {
    for (const pt of c.problemTypes ?? [])
      for (const d of pt.descriptions ?? []) if (d.cweId && CWE_ID.test(d.cweId)) facts.cwes.push(d.cweId);
    (c.affected ?? []).forEach((a, i) =>
      (a.cpes ?? []).forEach((value, j) =>
        facts.cpes.push({ value, path: `${path}.affected[${i}].cpes[${j}]` }),
      ),
    );
  }
  return cveRecord(facts, location);
}
