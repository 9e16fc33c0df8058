import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import { ingest, ingestLocation } from '../../src/intel/ingest/ingest.ts';
import { createStixSource } from '../../src/intel/sources/stix.ts';
import type { Store } from '../../src/store/store.ts';
import { parseModelText } from '../../src/threatmodel/model/parse.ts';
import type { ThreatModel } from '../../src/threatmodel/model/schema.ts';
import { corpus } from '../corpora.ts';
import { stixRecords } from '../intel/records.ts';

export const ATTACK = corpus('attack', 'enterprise-attack.json');
export const KEV = corpus('kev', 'known_exploited_vulnerabilities.json');
export const FIN7 = 'intrusion-set--3753cc21-2dae-4dfb-8481-d004e74502cc';
/** NVD's vulnerable-configuration CPE for Log4Shell (CVE JSON 5 records from the CNA carry none). */
export const LOG4J_CPE = 'cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*';

/** The web shop of the fixtures, its internet-facing web application running nginx and log4j. */
export function financeWebModel(): ThreatModel {
  const file = join(import.meta.dirname, '..', 'fixtures', 'models', 'webshop.yaml');
  const text = readFileSync(file, 'utf8').replace(
    "technologies: [nginx, { name: django, version: '4.2' }]",
    'technologies: [nginx, log4j]',
  );
  if (!text.includes('[nginx, log4j]')) throw new Error('the webshop fixture changed');
  return parseModelText(text, file);
}

export async function ingestAttack(store: Store): Promise<void> {
  await ingest({
    store,
    records: createStixSource().read({ location: ATTACK, limits: DEFAULT_LIMITS }),
    format: 'stix',
    sourceName: 'mitre-attack',
    reliability: 'A',
  });
}

export async function ingestKev(store: Store): Promise<void> {
  await ingestLocation({ store, location: KEV, format: 'kev', sourceName: 'cisa-kev' });
}

const T = '2026-01-01T00:00:00.000Z';
const sdo = (type: string, n: number, extra: Record<string, unknown>) => ({
  type,
  spec_version: '2.1',
  id: `${type}--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  created: T,
  modified: T,
  ...extra,
});

/** A report's targeting: FIN7 targets financial services; APT1's only link targets healthcare. */
export async function ingestTargeting(store: Store): Promise<void> {
  const finance = sdo('identity', 1, {
    name: 'banks',
    identity_class: 'class',
    sectors: ['financial-services'],
  });
  const health = sdo('identity', 2, { name: 'hospitals', identity_class: 'class', sectors: ['healthcare'] });
  const apt1 = 'intrusion-set--6a2e693f-24e5-451a-9f88-b36a108e5662';
  const objects = [
    finance,
    health,
    sdo('relationship', 3, { relationship_type: 'targets', source_ref: FIN7, target_ref: finance.id }),
    sdo('relationship', 4, { relationship_type: 'targets', source_ref: apt1, target_ref: health.id }),
  ];
  await ingest({ store, records: stixRecords(objects), format: 'stix', sourceName: 'report' });
}

/** A STIX sighting of FIN7 `daysAgo` days before `now`. */
export async function ingestFin7Sighting(store: Store, now: Date, daysAgo: number): Promise<void> {
  const seen = new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
  const sighting = sdo('sighting', 5, { sighting_of_ref: FIN7, first_seen: seen, last_seen: seen, count: 2 });
  await ingest({ store, records: stixRecords([sighting]), format: 'stix', sourceName: 'soc' });
}
