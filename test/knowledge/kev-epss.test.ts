import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { findObservable } from '../../src/store/observables-repo.ts';
import type { Store } from '../../src/store/store.ts';
import { getVulnerabilityFacts } from '../../src/store/vulnerability-facts-repo.ts';
import { getKnowledgeMeta } from '../../src/store/knowledge-meta-repo.ts';
import { vulnerabilityId } from '../../src/intel/knowledge/index.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { ingestFile, tempFile } from './helpers.ts';

const KEV_JSON = corpus('kev', 'known_exploited_vulnerabilities.json');
const KEV_CSV = corpus('kev', 'known_exploited_vulnerabilities.csv');
const EPSS = corpus('epss', 'epss_scores-2026-09-29-head100.csv');

describe.skipIf(!corporaPresent).each(DIALECTS)('KEV and EPSS on %s', (dialect) => {
  // One database at a time: the JSON edition's facts are read, then its database dropped.
  const first = freshDb(dialect);
  const testDb = freshDb(dialect);
  let a: Store;
  afterAll(async () => {
    await a?.close();
    await testDb.drop();
  });

  const jsonEntries = () =>
    (JSON.parse(readFileSync(KEV_JSON, 'utf8')) as { vulnerabilities: { cveID: string; cwes: string[] }[] })
      .vulnerabilities;

  it('reads every KEV entry of both editions, with the same facts', async () => {
    const expectedJson = jsonEntries().length;
    const expectedCsv = parse<Record<string, string>>(readFileSync(KEV_CSV), { columns: true }).length;
    const cves = jsonEntries().map((e) => e.cveID);
    const sort = <T extends { cve: string }>(rows: T[]) =>
      [...rows].sort((x, y) => x.cve.localeCompare(y.cve));

    const b = await first.open();
    const fromJson = await ingestFile(b, KEV_JSON, 'kev');
    const factsFromJson = sort(await getVulnerabilityFacts(b, cves));
    await b.close();
    await first.drop();
    a = await testDb.open();
    const fromCsv = await ingestFile(a, KEV_CSV, 'kev');

    expect(fromJson.counts).toMatchObject({ received: expectedJson, created: expectedJson, rejected: 0 });
    expect(fromCsv.counts).toMatchObject({ received: expectedCsv, created: expectedCsv, rejected: 0 });
    expect(fromJson.objects).toMatchObject({ created: expectedJson, rejected: 0 });
    expect(factsFromJson).toHaveLength(expectedJson);
    expect(sort(await getVulnerabilityFacts(a, cves))).toEqual(factsFromJson);
    const log4shell = factsFromJson.find((f) => f.cve === 'CVE-2021-44228')!;
    const entry = jsonEntries().find((e) => e.cveID === 'CVE-2021-44228')!;
    expect(log4shell).toMatchObject({
      kev: 1,
      kev_ransomware: 'Known',
      cwes: JSON.stringify([...entry.cwes].sort()),
    });
    expect(JSON.parse(log4shell.kev_json!)).toEqual(entry);
  });

  it('is idempotent: a second run of either edition changes nothing', async () => {
    const n = jsonEntries().length;
    for (const file of [KEV_JSON, KEV_CSV]) {
      const again = await ingestFile(a, file, 'kev');
      expect(again.counts).toEqual({ received: n, created: 0, updated: 0, unchanged: n, rejected: 0 });
      expect(again.objects).toMatchObject({ created: 0, updated: 0, unchanged: n });
    }
  });

  it('makes each CVE a STIX vulnerability in the observables index', async () => {
    const hits = await findObservable(a, { kind: 'cve', value: 'CVE-2021-44228' });
    expect(hits.map((h) => h.objectId)).toEqual([vulnerabilityId('CVE-2021-44228')]);
  });

  it('reads the EPSS head file: 100 scores dated by its comment line, beside the KEV columns', async () => {
    const lines = readFileSync(EPSS, 'utf8').split('\n').filter(Boolean);
    const date = /score_date:([^,\s]+)/.exec(lines[0]!)![1]!;
    const model = /model_version:([^,\s]+)/.exec(lines[0]!)![1]!;
    const rows = lines.slice(2).map((l) => l.split(','));
    const result = await ingestFile(a, EPSS, 'epss');
    expect(result.counts).toMatchObject({ received: rows.length, rejected: 0 });
    expect(rows).toHaveLength(100);
    const facts = await getVulnerabilityFacts(
      a,
      rows.map((r) => r[0]!),
    );
    expect(facts).toHaveLength(100);
    for (const f of facts) {
      const row = rows.find((r) => r[0] === f.cve)!;
      expect(f.epss).toBeCloseTo(Number(row[1]), 6);
      expect(f.epss_percentile).toBeCloseTo(Number(row[2]), 6);
      expect(Date.parse(f.epss_date!)).toBe(Date.parse(date));
    }
    expect(await getKnowledgeMeta(a, 'epss.model_version')).toBe(model);
    expect((await ingestFile(a, EPSS, 'epss')).counts).toMatchObject({
      unchanged: 100,
      updated: 0,
      created: 0,
    });
  });

  it('keeps each feed to its own columns: EPSS never erases KEV, KEV never erases EPSS', async () => {
    const cve = 'CVE-2021-44228';
    const [kevOnly] = await getVulnerabilityFacts(a, [cve]);
    const scores = tempFile(
      'epss.csv',
      `#model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z\ncve,epss,percentile\n${cve},0.94358,0.99957\n`,
    );
    expect((await ingestFile(a, scores, 'epss')).counts).toMatchObject({ updated: 1 });
    const [both] = await getVulnerabilityFacts(a, [cve]);
    expect(both).toEqual({
      ...kevOnly,
      epss: 0.94358,
      epss_percentile: 0.99957,
      epss_date: '2026-09-29T12:00:22.000Z',
    });
    expect((await ingestFile(a, KEV_JSON, 'kev')).counts.updated).toBe(0);
    expect((await getVulnerabilityFacts(a, [cve]))[0]).toEqual(both);
  });
});
