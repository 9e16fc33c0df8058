import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMispSource } from '../../src/intel/sources/misp/index.ts';
import { corporaPresent, corpus, corpusEntries } from '../corpora.ts';
import { startTestServer } from './http-test-server.ts';
import { attributesOf, expectedRef, indicatorCount, readEvent } from './misp-oracle.ts';
import { collect } from './read-all.ts';

const feedDir = corpus('misp', 'feed-circl-osint-sample');
const TLP_CLEAR = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';

function feedEvents() {
  const manifest = JSON.parse(readFileSync(join(feedDir, 'manifest.json'), 'utf8')) as Record<
    string,
    { timestamp: string }
  >;
  return Object.keys(manifest).map((uuid) => ({
    uuid,
    timestamp: Number(manifest[uuid]!.timestamp),
    event: readEvent(join(feedDir, `${uuid}.json`)),
  }));
}

describe.skipIf(!corporaPresent)('MISP feed source on the CIRCL OSINT sample', () => {
  it('maps every indicator attribute and one report per event that has indicators', async () => {
    const events = feedEvents();
    const source = createMispSource();
    const { observables, rejects, stix } = await collect(source, feedDir);
    expect(rejects).toEqual([]);
    expect(observables).toHaveLength(events.reduce((n, e) => n + indicatorCount(e.event), 0));
    const withIndicators = events.filter((e) => indicatorCount(e.event) > 0);
    expect(stix.map((s) => (s.object as { id: string }).id).sort()).toEqual(
      withIndicators.map((e) => `report--${e.uuid}`).sort(),
    );

    const report = stix[0]!.object as Record<string, unknown>;
    const event = withIndicators[0]!.event as unknown as Record<string, unknown>;
    expect(report).toMatchObject({
      type: 'report',
      name: event.info,
      object_marking_refs: [TLP_CLEAR],
      published: '2016-04-28T08:46:07.000Z',
    });
    expect(report.labels).toContain('malware_classification:malware-category="Ransomware"');
    expect(report.labels).not.toContain('tlp:white');
    expect(new Set(report.object_refs as string[])).toEqual(new Set(observables.map(expectedRef)));

    const attributes = attributesOf(withIndicators[0]!.event);
    const uuids = new Set(attributes.map((a) => a.uuid));
    expect(observables.every((o) => o.tlp === 'clear' && uuids.has(o.id!))).toBe(true);
    // Attributes not flagged to_ids (the sample's links) are observed only: SCOs, not indicators.
    const notForIds = new Set(attributes.filter((a) => a.to_ids !== true).map((a) => a.uuid));
    expect(notForIds.size).toBeGreaterThan(0);
    expect(observables.filter((o) => o.observed).map((o) => o.id)).toEqual(
      observables.filter((o) => notForIds.has(o.id!)).map((o) => o.id),
    );
    expect(observables.filter((o) => o.observed).length).toBe(notForIds.size);
    expect(source.summary()).toMatchObject({
      events: { read: 2, unchanged: 0, failed: 0, withoutIndicators: 1 },
      skipped: { filename: 2 },
    });
    expect(source.state()).toEqual(Object.fromEntries(events.map((e) => [e.uuid, e.timestamp])));
  });

  it('splits composite values: filename|sha256 gives the hash, malware-sample its MD5', async () => {
    const { observables } = await collect(createMispSource(), feedDir);
    const sha256 = observables.filter((o) => o.labels?.includes('misp:type="filename|sha256"'));
    expect(sha256.length).toBeGreaterThan(0);
    expect(sha256.every((o) => o.observableKind === 'sha256' && /^[0-9a-f]{64}$/i.test(o.value))).toBe(true);
    expect(
      observables
        .filter((o) => o.labels?.includes('misp:type="malware-sample"'))
        .every((o) => o.observableKind === 'md5'),
    ).toBe(true);
  });

  it('reads nothing on a second run with the state of the first, and re-reads a changed event', async () => {
    const first = createMispSource();
    await collect(first, feedDir);
    const second = createMispSource({ previous: first.state() });
    expect((await collect(second, feedDir)).all).toEqual([]);
    expect(second.summary().events.unchanged).toBe(2);
    expect(second.state()).toEqual(first.state());

    const [changed] = feedEvents().filter((e) => indicatorCount(e.event) > 0);
    const third = createMispSource({
      previous: { ...first.state(), [changed!.uuid]: changed!.timestamp - 1 },
    });
    const { stix } = await collect(third, feedDir);
    expect(stix.map((s) => (s.object as { id: string }).id)).toEqual([`report--${changed!.uuid}`]);
  });

  it('turns a bad event file into one reject naming it, and reads the other events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threatloom-misp-'));
    cpSync(feedDir, dir, { recursive: true });
    const [broken, intact] = feedEvents().sort((a, b) => indicatorCount(b.event) - indicatorCount(a.event));
    writeFileSync(join(dir, `${broken!.uuid}.json`), '{"Event": {"uuid": ');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    manifest['../../etc/passwd'] = { timestamp: '1' };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const source = createMispSource({ previous: { [broken!.uuid]: 5 } });
    const { rejects, all } = await collect(source, dir);
    expect(rejects.map((r) => r.location.path)).toEqual([
      `${broken!.uuid}.json`,
      'manifest.json:$["../../etc/passwd"]',
    ]);
    expect(rejects[0]!.message).toContain('invalid JSON');
    expect(all.length).toBe(rejects.length + indicatorCount(intact!.event));
    expect(source.state()).toEqual({ [broken!.uuid]: 5, [intact!.uuid]: intact!.timestamp });
  });

  it('fetches a feed over HTTP through the guarded client, and refuses loopback and metadata addresses', async () => {
    const server = await startTestServer((req, res) => {
      if (req.url === '/moved/manifest.json')
        return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      const name = (req.url ?? '').replace('/feed/', '');
      if (!readdirSync(feedDir).includes(name)) return res.writeHead(404).end();
      res.end(readFileSync(join(feedDir, name)));
    });
    try {
      const viaHttp = await collect(createMispSource({ allowPrivate: true }), `${server.url}/feed/`);
      const fromDir = await collect(createMispSource(), feedDir);
      expect(viaHttp.all).toHaveLength(fromDir.all.length);
      await expect(collect(createMispSource(), `${server.url}/feed/`)).rejects.toMatchObject({
        code: 'FETCH_BLOCKED',
      });
      await expect(collect(createMispSource(), 'http://169.254.169.254/feed/')).rejects.toMatchObject({
        code: 'FETCH_BLOCKED',
      });
      const redirected = createMispSource({
        allowRedirects: true,
        addressPolicy: (ip) => ip === '127.0.0.1',
      });
      await expect(collect(redirected, `${server.url}/moved/manifest.json`)).rejects.toMatchObject({
        code: 'FETCH_BLOCKED',
      });
    } finally {
      await server.close();
    }
  });
});

describe('MISP event files that are hostile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threatloom-misp-bad-'));

  it.each([
    [
      'nesting 100,000 deep',
      `{"Event": {"info": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
      'LIMIT_EXCEEDED',
    ],
    ['a __proto__ key', '{"Event": {"__proto__": {"polluted": true}, "Attribute": []}}', 'INVALID_INPUT'],
    ['duplicate keys', '{"Event": {"uuid": "a", "uuid": "b"}}', 'INVALID_INPUT'],
    ['truncated JSON', '{"Event": {"Attribute": [', 'INVALID_INPUT'],
  ])('refuses an event file with %s, naming the file', async (_what, text, code) => {
    const file = join(dir, 'event.json');
    writeFileSync(file, text);
    await expect(collect(createMispSource(), file)).rejects.toMatchObject({
      code,
      location: { file: 'event.json' },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe.skipIf(!corporaPresent)('MISP event files from PyMISP and misp-stix tests', () => {
  const reportlab = corpus('misp', 'pymisp-tests', 'reportlab_testfiles');

  it.each(corpusEntries('misp', 'pymisp-tests', 'reportlab_testfiles'))(
    'maps %s to a report and its indicators',
    async (name) => {
      const event = readEvent(join(reportlab, name));
      const { observables, rejects, stix } = await collect(createMispSource(), join(reportlab, name));
      const attributeRejects = rejects.filter((r) => r.location.path.includes('Attribute['));
      expect(observables.length + attributeRejects.length).toBe(indicatorCount(event));
      if (observables.length === 0) return expect(stix).toEqual([]);
      const report = stix.at(-1)!.object as { id: string; object_refs: string[] };
      expect(report.id).toBe(`report--${event.uuid}`);
      expect(new Set(report.object_refs)).toEqual(new Set(observables.map(expectedRef)));
    },
  );

  it('maps each event of a misp-stix events collection, as its STIX 2.1 counterpart names them', async () => {
    const file = corpus('misp', 'misp-stix-tests', 'test_events_collection_1.json');
    const bundle = JSON.parse(
      readFileSync(corpus('misp', 'misp-stix-tests', 'test_events_collection_stix21.json'), 'utf8'),
    ) as {
      objects: { type: string; id: string; object_refs?: string[] }[];
    };
    const { observables, stix } = await collect(createMispSource(), file);
    const ids = stix.map((s) => (s.object as { id: string }).id.replace('report--', ''));
    const groupings = bundle.objects
      .filter((o) => o.type === 'grouping')
      .map((o) => o.id.replace('grouping--', ''));
    expect(groupings).toEqual(expect.arrayContaining(ids));
    expect(observables.map((o) => [o.observableKind, o.id])).toEqual([
      ['asn', '2972c3a2-dda3-4de7-aca1-e96cf7ce5544'],
      ['domain', '4bb235a7-7d25-4aef-802f-2c6b45c5eceb'],
    ]);
  });

  it('maps domain|ip to two indicators with distinct ids', async () => {
    const file = corpus('misp', 'misp-stix-tests', 'test_events_collection_2.json');
    const { observables } = await collect(createMispSource(), file);
    const pair = observables.filter((o) => o.labels?.includes('misp:type="domain|ip"'));
    expect(pair.map((o) => [o.observableKind, o.value])).toEqual([
      ['domain', 'circl.lu'],
      ['ipv4', '149.13.33.14'],
    ]);
    expect(pair[0]!.id).toBe('726f90e2-2ad6-44a2-b345-c05e55e850e5');
    expect(pair[1]!.id).not.toBe(pair[0]!.id);
  });
});
