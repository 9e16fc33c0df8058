import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWarninglists, warninglistMatcher, type LoadWarninglistsResult } from '../../src/enrich/index.ts';
import { ingest } from '../../src/intel/ingest/ingest.ts';
import { lookup } from '../../src/intel/lookup.ts';
import { listWarninglists } from '../../src/store/warninglists-repo.ts';
import type { Store } from '../../src/store/store.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { valueRecords } from '../intel/records.ts';

const LISTS = corpus('misp-warninglists');
const listFiles = corporaPresent
  ? readdirSync(LISTS).filter((d) => existsSync(join(LISTS, d, 'list.json')))
  : [];
const fileOf = (dir: string) =>
  JSON.parse(readFileSync(join(LISTS, dir, 'list.json'), 'utf8')) as {
    name: string;
    type: string;
    list: string[];
  };
/** The names of the corpus lists of `type` whose raw entries include `entry`. */
const listsWithEntry = (type: string, entry: string) =>
  listFiles
    .map(fileOf)
    .filter((l) => l.type === type && l.list.includes(entry))
    .map((l) => l.name);

describe.skipIf(!corporaPresent).each(DIALECTS)('MISP warninglists on %s', (dialect) => {
  const testDb = freshDb(dialect);
  let store: Store;
  let first: LoadWarninglistsResult;
  const hitsOf = async (value: string) =>
    (await store.db.selectFrom('warninglist_hits').select('list_name').where('value', '=', value).execute())
      .map((r) => r.list_name)
      .sort();
  const allHits = () =>
    store.db.selectFrom('warninglist_hits').selectAll().orderBy('value').orderBy('list_name').execute();

  beforeAll(async () => {
    store = await testDb.open();
    // Values already stored before the lists arrive.
    await ingest({
      store,
      records: valueRecords(['8.8.8.8', 'google.com']),
      format: 'text',
      sourceName: 'early',
    });
    first = await loadWarninglists({ store, path: LISTS });
  });
  afterAll(async () => {
    await store.close();
    await testDb.drop();
  });

  it('loads one list per list.json file, without problems', async () => {
    expect(first.counts.created).toBe(listFiles.length);
    expect(first.problems).toEqual([]);
    expect((await listWarninglists(store)).length).toBe(listFiles.length);
  });

  it('records hits on values stored before the load: a public DNS resolver and a top domain', async () => {
    const dns = listsWithEntry('cidr', '8.8.8.8');
    expect(dns).toContain(fileOf('public-dns-v4').name);
    expect(await hitsOf('8.8.8.8')).toEqual(expect.arrayContaining(dns));
    expect(await hitsOf('google.com')).toEqual(
      expect.arrayContaining([fileOf('cisco_top1000').name, fileOf('alexa').name]),
    );
  });

  it('is idempotent: a second load changes nothing', async () => {
    const before = await allHits();
    const again = await loadWarninglists({ store, path: LISTS });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: listFiles.length });
    expect(again.rescan).toBeUndefined();
    expect(await allHits()).toEqual(before);
  });

  it('records hits on values ingested after the load, with MISP semantics per list type', async () => {
    await ingest({
      store,
      records: valueRecords([
        '1.1.1.1',
        'threatloom-test.google.com',
        '10.20.30.40',
        'fe80::1234',
        'qzx-unlisted.com',
      ]),
      format: 'text',
      sourceName: 'late',
    });
    expect(await hitsOf('1.1.1.1')).toEqual(expect.arrayContaining(listsWithEntry('cidr', '1.1.1.1')));
    // A subdomain hits hostname lists (suffix on a label boundary), not exact string lists.
    const sub = await hitsOf('threatloom-test.google.com');
    expect(sub).toContain(fileOf('alexa').name);
    expect(sub).not.toContain(fileOf('cisco_top1000').name);
    expect(await hitsOf('10.20.30.40')).toContain(fileOf('rfc1918').name);
    expect(await hitsOf('fe80::1234')).toContain(fileOf('ipv6-linklocal').name);
    expect(await hitsOf('qzx-unlisted.com')).toEqual([]);
  });

  it('shows country, ASN and warninglists in lookup', async () => {
    const r = await lookup(store, LOCAL_OPERATOR, '8[.]8[.]8[.]8');
    expect(r.country).toBe('US');
    expect(r.asn?.number).toBe(15169);
    expect(r.warninglists.map((w) => w.name)).toContain(fileOf('public-dns-v4').name);
    expect(r.warninglists.every((w) => w.category === 'false_positive')).toBe(true);
    const domain = await lookup(store, LOCAL_OPERATOR, 'google.com');
    expect(domain.country).toBeUndefined();
  });
});

describe.each(DIALECTS)('hostile warninglists on %s', (dialect) => {
  const testDb = freshDb(dialect);
  const dir = mkdtempSync(join(tmpdir(), 'threatloom-wl-'));
  let store: Store;
  let result: LoadWarninglistsResult;
  const file = (name: string) => join(dir, name, 'list.json');
  const write = (name: string, text: string) => {
    mkdirSync(join(dir, name));
    writeFileSync(file(name), text);
  };
  const list = (name: string, type: string, entries: string[], extra: object = {}) =>
    JSON.stringify({ name, version: 1, description: 'test', type, list: entries, ...extra });
  const problemsOf = (name: string) => result.problems.filter((p) => p.file === file(name));

  beforeAll(async () => {
    store = await testDb.open();
    write('good', list('Good list', 'string', ['benign.example.org']));
    write('broken', '{"name": "Broken", "list": [');
    write('wrong-shape', list('Wrong shape', 'cidr', []).replace('"list":[]', '"list":"10.0.0.0/8"'));
    write(
      'regex',
      list(
        'Hostile regexes',
        'regex',
        ['/^(a+)+$/', '/(x|xx)*y/', '/(\\w)\\1/', '/^(security|noc|soc|abuse)\\@.*\\..*$/i'],
        { matching_attributes: ['email-src', 'email-dst'] },
      ),
    );
    write('cidr', list('Some networks', 'cidr', ['192.0.2.0/24', 'not-a-network', '2001:db8::/32']));
    result = await loadWarninglists({ store, path: dir });
  });
  afterAll(async () => {
    await store.close();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a malformed file with its name and JSON path, and loads the other lists', async () => {
    expect(result.files).toBe(5);
    expect(result.lists.map((l) => l.name).sort()).toEqual(['Good list', 'Hostile regexes', 'Some networks']);
    expect(problemsOf('broken')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/invalid JSON/) }),
    ]);
    expect(problemsOf('wrong-shape')).toEqual([expect.objectContaining({ path: '$.list' })]);
    expect(problemsOf('cidr')).toEqual([expect.objectContaining({ path: '$.list[1]' })]);
    expect((await listWarninglists(store)).find((l) => l.name === 'Some networks')?.entryCount).toBe(2);
  });

  it('refuses catastrophic regexes by entry, keeps the safe one, and never runs the refused ones', async () => {
    expect(problemsOf('regex').map((p) => p.path)).toEqual(['$.list[0]', '$.list[1]', '$.list[2]']);
    expect(problemsOf('regex').every((p) => p.message.includes('regex refused'))).toBe(true);
    const matcher = await warninglistMatcher(store);
    // With /^(a+)+$/ compiled, this input alone would backtrack for minutes.
    expect(matcher!.match(`${'a'.repeat(40)}!`, 'email')).toEqual([]);
    expect(matcher!.match(`abuse@${'.'.repeat(100_000)}`, 'email')).toEqual([]);
    expect(matcher!.match('abuse@corp.example', 'email').map((h) => h.name)).toEqual(['Hostile regexes']);
    // matching_attributes: an e-mail list does not apply to domains.
    expect(matcher!.match('abuse@corp.example', 'domain')).toEqual([]);
  });

  it('matches an IP inside a loaded network and lists the hits in lookup after ingest', async () => {
    await ingest({
      store,
      records: valueRecords(['192.0.2.77', '2001:db8::5']),
      format: 'text',
      sourceName: 't',
    });
    expect((await lookup(store, LOCAL_OPERATOR, '192.0.2.77')).warninglists).toEqual([
      { name: 'Some networks', category: 'false_positive' },
    ]);
    expect((await lookup(store, LOCAL_OPERATOR, '2001:db8::5')).warninglists.map((w) => w.name)).toEqual([
      'Some networks',
    ]);
  });
});
