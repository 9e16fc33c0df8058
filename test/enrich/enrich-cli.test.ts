import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'threatloom-enrich-cli-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeList(name: string, body: object | string) {
  mkdirSync(join(dir, 'lists', name), { recursive: true });
  writeFileSync(
    join(dir, 'lists', name, 'list.json'),
    typeof body === 'string' ? body : JSON.stringify(body),
  );
}

describe('threatloom intel warninglists and enrich', () => {
  it('loads lists, lists them, enriches stored values and shows hits in lookup', () => {
    writeList('resolvers', {
      name: 'Resolvers',
      version: 2,
      description: 'd',
      type: 'cidr',
      list: ['9.9.9.0/24'],
    });
    writeList('bad', '{"name": 1}');
    const load = runCli(['--db', db, 'intel', 'warninglists', 'load', join(dir, 'lists'), '--json']);
    expect(load.status).toBe(1);
    const loaded = JSON.parse(load.stdout);
    expect(loaded.counts.created).toBe(1);
    expect(loaded.problems).toEqual([
      expect.objectContaining({ file: join(dir, 'lists', 'bad', 'list.json'), path: '$.name' }),
    ]);

    const list = JSON.parse(runCli(['--db', db, 'intel', 'warninglists', 'list', '--json']).stdout);
    expect(list).toEqual([
      expect.objectContaining({ name: 'Resolvers', type: 'cidr', version: 2, entryCount: 1 }),
    ]);

    writeFileSync(join(dir, 'values.txt'), '9.9.9.9\n8.8.8.8\n');
    expect(runCli(['--db', db, 'intel', 'ingest', join(dir, 'values.txt'), '--format', 'text']).status).toBe(
      0,
    );
    const enrich = JSON.parse(runCli(['--db', db, 'intel', 'enrich', '--json']).stdout);
    expect(enrich).toMatchObject({
      observables: 2,
      warninglistHits: 1,
      hitsByList: { Resolvers: 1 },
      ips: 2,
    });
    expect(enrich.topAsns.map((a: { number: number }) => a.number)).toContain(15169);

    const hit = JSON.parse(runCli(['--db', db, 'intel', 'lookup', '9.9.9.9', '--json']).stdout);
    expect(hit.warninglists).toEqual([{ name: 'Resolvers', category: 'false_positive' }]);
    expect(hit.asn).toEqual(expect.objectContaining({ number: expect.any(Number) }));
  });
});
