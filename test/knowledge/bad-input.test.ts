import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { getVulnerabilityFacts } from '../../src/store/vulnerability-facts-repo.ts';
import { isAppError } from '../../src/core/errors.ts';
import { DIALECTS, useFreshStore } from '../dialects.ts';
import { ingestFile, tempFile } from './helpers.ts';

const KEV_HEADER =
  'cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate,knownRansomwareCampaignUse,notes,cwes';

describe.each(DIALECTS)('bad knowledge input on %s', (dialect) => {
  const freshStore = useFreshStore(dialect);
  let store: Store;
  beforeAll(() => {
    store = freshStore();
  });

  it('rejects bad KEV CSV rows by line and keeps the good ones', async () => {
    const file = tempFile(
      'kev.csv',
      [
        KEV_HEADER,
        'CVE-2024-0001,V,P,"Name",2024-01-02,"Desc","Act",2024-01-23,Unknown,,CWE-79',
        'not-a-cve,V,P,N,2024-01-02,D,A,2024-01-23,Unknown,,',
        'CVE-2024-0002,V,P,N,2024-13-45,D,A,2024-01-23,Unknown,,',
        'CVE-2024-0003,V,P,N,2024-01-02,D,A,2024-01-23,Unknown,,CWE-x',
      ].join('\n'),
    );
    const r = await ingestFile(store, file, 'kev');
    expect(r.counts).toMatchObject({ received: 4, created: 1, rejected: 3 });
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5]);
    expect(r.rejected[0]!.message).toMatch(/cveID/);
    expect(r.rejected[1]!.message).toMatch(/dateAdded/);
    expect((await getVulnerabilityFacts(store, ['CVE-2024-0002', 'CVE-2024-0003'])).length).toBe(0);
  });

  it('rejects bad KEV JSON entries by JSON path', async () => {
    const file = tempFile(
      'kev.json',
      JSON.stringify({
        catalogVersion: 'x',
        dateReleased: 'x',
        count: 2,
        vulnerabilities: [{ cveID: 'CVE-2024-0009' }, 'nonsense'],
      }),
    );
    const r = await ingestFile(store, file, 'kev');
    expect(r.counts).toMatchObject({ received: 2, rejected: 2 });
    expect(r.rejected.map((x) => x.path)).toEqual([
      '$.vulnerabilities[0].vendorProject',
      '$.vulnerabilities[1]',
    ]);
  });

  it('refuses a JSON file that is no KEV catalog as a whole, naming the path', async () => {
    const err = await ingestFile(store, tempFile('x.json', '{"objects":[]}'), 'kev').catch((e: unknown) => e);
    expect(isAppError(err) && err.code === 'INVALID_INPUT' && err.location.path).toBe('$.vulnerabilities');
  });

  it('rejects bad EPSS rows by line', async () => {
    const file = tempFile(
      'epss.csv',
      'cve,epss,percentile\nCVE-2024-0001,0.5,0.9\nCVE-2024-0002,1.5,0.9\nCVE-X,0.1,0.1\nCVE-2024-0003,0.1,abc\n',
    );
    const r = await ingestFile(store, file, 'epss');
    expect(r.counts).toMatchObject({ received: 4, rejected: 3 });
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5]);
    const [f] = await getVulnerabilityFacts(store, ['CVE-2024-0001']);
    expect(f).toMatchObject({ epss: 0.5, epss_date: null });
  });

  it('rejects bad CVE records by JSON path: bad id, rejected state, bad CPE', async () => {
    const record = (id: string, extra: Record<string, unknown> = {}, state = 'PUBLISHED') => ({
      dataType: 'CVE_RECORD',
      cveMetadata: { cveId: id, state, datePublished: '2024-01-01T00:00:00Z' },
      containers: { cna: { descriptions: [{ lang: 'en', value: 'x' }], ...extra } },
    });
    const file = tempFile(
      'cves.json',
      JSON.stringify([
        record('CVE-2024-1000', { affected: [{ cpes: ['cpe:2.3:a:acme:web:1.0:*:*:*:*:*:*:*'] }] }),
        record('CVE-24-1'),
        record('CVE-2024-1001', {}, 'REJECTED'),
        record('CVE-2024-1002', { affected: [{ cpes: ['cpe:/a:acme:web:1.0'] }] }),
      ]),
    );
    const r = await ingestFile(store, file, 'cve');
    expect(r.counts).toMatchObject({ received: 4, created: 1, rejected: 3 });
    expect(r.rejected.map((x) => x.path)).toEqual([
      '$[1].cveMetadata.cveId',
      '$[2].cveMetadata.state',
      '$[3].containers.cna.affected[0].cpes[0]',
    ]);
    const [f] = await getVulnerabilityFacts(store, ['CVE-2024-1000']);
    expect(JSON.parse(f!.cpes!)).toEqual(['cpe:2.3:a:acme:web:1.0:*:*:*:*:*:*:*']);
  });

  it('rejects a malformed CWE element by line and refuses document types', async () => {
    const xml = [
      '<?xml version="1.0"?><Weakness_Catalog Name="CWE"><Weaknesses>',
      '<Weakness ID="1" Name="One" Abstraction="Base" Status="Draft"><Description>a &amp; b</Description></Weakness>',
      '<Weakness ID="2" Name="Two"><Description>broken</Descr></Weakness>',
      '<Weakness ID="x" Name="Three"></Weakness>',
      '</Weaknesses></Weakness_Catalog>',
    ].join('\n');
    const r = await ingestFile(store, tempFile('cwe.xml', xml), 'cwe');
    expect(r.counts).toMatchObject({ received: 3, created: 1, rejected: 2 });
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4]);
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Weakness_Catalog><Weaknesses><Weakness ID="1" Name="&a;"></Weakness></Weaknesses></Weakness_Catalog>';
    const err = await ingestFile(store, tempFile('bomb.xml', bomb), 'cwe').catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('INVALID_INPUT');
  });
});
