import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import { ingest } from '../../src/intel/ingest/ingest.ts';
import { createStixSource } from '../../src/intel/sources/stix.ts';
import { getObject } from '../../src/store/objects-repo.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { corporaPresent, corpus, corpusEntries } from '../corpora.ts';
import { DIALECTS, useFreshStore } from '../dialects.ts';
import { stixRecords } from './records.ts';

const CONFORMANCE = corpus('stix21-conformance');
const VALID_BUNDLES = [
  ...[
    'cti-documentation-examples',
    'cti-stix2-json-schemas/examples',
    'cti-stix2-json-schemas/examples/threat-reports',
  ].flatMap((d) =>
    corpusEntries('stix21-conformance', d)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(CONFORMANCE, d, f)),
  ),
];
const VALIDATOR = join(CONFORMANCE, 'cti-stix-validator', 'test_examples');

describe.skipIf(!corporaPresent).each(DIALECTS)('STIX conformance material on %s', (dialect) => {
  const store = useFreshStore(dialect);

  const ingestFile = (location: string) =>
    ingest({
      store: store(),
      records: createStixSource().read({ location, limits: DEFAULT_LIMITS }),
      format: 'stix',
      sourceName: 'conformance',
    });

  it.each(VALID_BUNDLES.map((f) => [f.slice(CONFORMANCE.length + 1), f]))(
    'ingests %s without a reject',
    async (_name, file) => {
      const r = await ingestFile(file);
      expect(r.rejected).toEqual([]);
      expect(r.counts.received).toBeGreaterThan(0);
      const doc = JSON.parse(readFileSync(file, 'utf8')) as {
        type: string;
        id: string;
        objects?: { id: string }[];
      };
      const ids = (doc.type === 'bundle' ? doc.objects! : [doc]).map((o) => o.id);
      for (const id of ids) expect(await getObject(store(), LOCAL_OPERATOR, id), id).toBeDefined();
    },
  );

  it('rejects the validator’s invalid objects with their reason and path, and lands their valid siblings', async () => {
    const read = (f: string) =>
      JSON.parse(readFileSync(join(VALIDATOR, f), 'utf8')) as Record<string, unknown>;
    const missingModified = read('invalid_identity.json');
    const modifiedBeforeCreated = read('invalid_timestamp.json');
    const tool = read('tool.json');
    const identity = { ...read('identity.json'), id: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff' };
    const r = await ingest({
      store: store(),
      records: stixRecords([missingModified, tool, modifiedBeforeCreated, identity]),
      format: 'stix',
      sourceName: 'validator',
    });
    expect(r.counts).toMatchObject({ received: 4, rejected: 2 });
    expect(r.rejected).toEqual([
      expect.objectContaining({
        index: 0,
        path: '$.objects[0].modified',
        message: expect.stringMatching(/missing/),
      }),
      expect.objectContaining({
        index: 2,
        path: '$.objects[2].modified',
        message: expect.stringMatching(/created/),
      }),
    ]);
    expect(await getObject(store(), LOCAL_OPERATOR, tool.id as string)).toBeDefined();
    expect(await getObject(store(), LOCAL_OPERATOR, identity.id)).toBeDefined();
  });

  it('refuses input that is not JSON at all as unreadable, naming the byte', async () => {
    await expect(ingestFile(join(VALIDATOR, 'invalid_braces.json'))).rejects.toThrow(/byte 0/);
  });
});
