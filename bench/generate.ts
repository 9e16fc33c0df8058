import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Deterministic pseudo-random numbers, so every run benchmarks the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (r: () => number, n: number) => {
  let s = '';
  while (s.length < n)
    s += Math.floor(r() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, n);
};

/** The i-th value of a mixed stream of indicator kinds, as a (STIX object path, value) pair. */
export function valueOf(i: number): { path: string; value: string } {
  const r = rng(i * 7919 + 1);
  switch (i % 8) {
    case 0:
    case 1:
      return {
        path: 'ipv4-addr:value',
        value: `${1 + Math.floor(r() * 222)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`,
      };
    case 2:
      return { path: 'domain-name:value', value: `${hex(r, 10)}.example-${i % 97}.com` };
    case 3:
      return { path: 'url:value', value: `http://${hex(r, 8)}.example.net/${hex(r, 6)}/index.php?id=${i}` };
    case 4:
      return { path: "file:hashes.'SHA-256'", value: hex(r, 64) };
    case 5:
      return { path: 'file:hashes.MD5', value: hex(r, 32) };
    case 6:
      return { path: 'ipv6-addr:value', value: `2001:db8:${hex(r, 4)}:${hex(r, 4)}::${hex(r, 4)}` };
    default:
      return { path: 'email-addr:value', value: `${hex(r, 8)}@example-${i % 89}.org` };
  }
}

/** The value index of item i, with about `dupRate` of the items repeating an earlier value. */
export function valueIndex(i: number, dupRate: number): number {
  const r = rng(i + 0x9e3779b9);
  return i > 0 && r() < dupRate ? Math.floor(r() * i) : i;
}

async function write(out: NodeJS.WritableStream, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

/**
 * The id of the i-th generated indicator: a random (seeded) UUIDv4, as real feeds send;
 * sequential ids would flatter the B-trees.
 */
export function indicatorId(i: number): string {
  const h = hex(rng(i ^ 0x5bd1e995), 32);
  return `indicator--${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** A STIX bundle of `count` indicators, ~20 % of them duplicate values under other ids. */
export async function writeBundle(path: string, count: number, dupRate = 0.2): Promise<void> {
  const out = createWriteStream(path);
  await write(out, '{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[\n');
  for (let i = 0; i < count; i++) {
    const { path: p, value } = valueOf(valueIndex(i, dupRate));
    const o = {
      type: 'indicator',
      spec_version: '2.1',
      id: indicatorId(i),
      created: '2026-06-01T00:00:00.000Z',
      modified: '2026-06-01T00:00:00.000Z',
      name: `bench ${i}`,
      indicator_types: ['malicious-activity'],
      pattern: `[${p} = '${value}']`,
      pattern_type: 'stix',
      valid_from: '2026-06-01T00:00:00Z',
    };
    await write(out, `${i > 0 ? ',\n' : ''}${JSON.stringify(o)}`);
  }
  await write(out, '\n]}\n');
  out.end();
  await once(out, 'finish');
}

/** A CSV list of about `bytes` bytes: value, type, first_seen, comment. */
export async function writeCsv(path: string, bytes: number, dupRate = 0.2): Promise<number> {
  const out = createWriteStream(path);
  await write(out, 'value,first_seen,comment\n');
  let size = 0;
  let rows = 0;
  for (let i = 0; size < bytes; i++) {
    const { value } = valueOf(valueIndex(i, dupRate));
    const line = `${value},2026-06-01,bench row ${i}\n`;
    size += line.length;
    rows++;
    await write(out, line);
  }
  out.end();
  await once(out, 'finish');
  return rows;
}
