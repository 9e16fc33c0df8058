// npm run bench:enrich — enrichment rates (country, ASN, known-benign lists) of 1,000,000 IPs
// and 1,000,000 domains, next to ceilings measured on the same values in the same run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Reader, type Response } from 'maxmind';
import { DEFAULT_LIMITS } from '../src/core/limits.ts';
import { createIpEnricher } from '../src/enrich/ip-enricher.ts';
import { WarninglistMatcher } from '../src/enrich/warninglists/matcher.ts';
import { readWarninglistFiles } from '../src/enrich/warninglists/read-lists.ts';
import { CORPORA_DIR } from '../test/corpora.ts';
import { machine, rate } from './measure.ts';
import { recordResults } from './results.ts';

const N = 1_000_000;
let seed = 42;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;

function publicIpv4(): string {
  for (;;) {
    const [a, b] = [1 + Math.floor(rnd() * 223), Math.floor(rnd() * 256)];
    if (a === 10 || a === 127 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168)) continue;
    return `${a}.${b}.${Math.floor(rnd() * 256)}.${Math.floor(rnd() * 256)}`;
  }
}
const hex = () => Math.floor(rnd() * 65536).toString(16);
const PREFIXES = ['2001:4860', '2606:4700', '2a00:1450', '2400:cb00', '2a03:2880', '2001:67c'];
const ipv6 = () => `${pick(PREFIXES)}:${hex()}:${hex()}::${hex()}`;

const lists = readWarninglistFiles(join(CORPORA_DIR, 'misp-warninglists'), DEFAULT_LIMITS).lists.map(
  (l) => l.list,
);
const topDomains = lists
  .filter((l) => l.name.includes('Tranco') || l.name.includes('Cisco'))
  .flatMap((l) => l.entries);
const words = ['mail', 'cdn', 'login', 'secure', 'update', 'api', 'portal', 'files', 'static', 'img'];
const tlds = ['com', 'net', 'org', 'ru', 'xyz', 'info', 'top', 'de', 'cn', 'io'];
function domain(): string {
  const r = rnd();
  if (r < 0.1) return pick(topDomains);
  if (r < 0.2) return `${pick(words)}.${pick(topDomains)}`;
  return `${pick(words)}-${Math.floor(rnd() * 1e6).toString(36)}.${pick(tlds)}`;
}

const ips = Array.from({ length: N }, (_, i) => (i % 10 === 9 ? ipv6() : publicIpv4()));
const kinds = ips.map((ip) => (ip.includes(':') ? 'ipv6' : 'ipv4'));
const domains = Array.from({ length: N }, domain);

function timed(fn: () => number): { seconds: number; sink: number } {
  const t = performance.now();
  const sink = fn();
  return { seconds: (performance.now() - t) / 1000, sink };
}
const lines: string[] = [];
const row = (what: string, n: number, seconds: number) => {
  lines.push(`| ${what} | ${rate(n, seconds)} /s |`);
  console.log(lines.at(-1));
};

let matcher!: WarninglistMatcher;
const build = timed(() => (matcher = new WarninglistMatcher(lists)).listCount);
const enricher = createIpEnricher();
const asnLoad = timed(() => enricher.asnOf('8.8.8.8')?.number ?? 0);
enricher.countryOf('8.8.8.8');
const entries = lists.reduce((n, l) => n + l.entries.length, 0);

const require = createRequire(import.meta.url);
const reader = new Reader<Response>(
  readFileSync(require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb')),
);
const ipSet = new Set(lists.filter((l) => l.type === 'cidr').flatMap((l) => l.entries));
const domainSet = new Set(topDomains);

const ceilSetIps = timed(() => ips.reduce((n, ip) => n + (ipSet.has(ip) ? 1 : 0), 0));
row('ceiling: bare `Set.has` over the same IPs', N, ceilSetIps.seconds);
const ceilMmdb = timed(() => ips.reduce((n, ip) => n + (reader.get(ip) ? 1 : 0), 0));
row('ceiling: bare maxmind `Reader.get` over the same IPs', N, ceilMmdb.seconds);
const country = timed(() => ips.reduce((n, ip) => n + (enricher.countryOf(ip) ? 1 : 0), 0));
row('country (MMDB)', N, country.seconds);
const asn = timed(() => ips.reduce((n, ip) => n + (enricher.asnOf(ip) ? 1 : 0), 0));
row('ASN + organization (sorted ranges, binary search)', N, asn.seconds);
const wlIps = timed(() => ips.reduce((n, ip, i) => n + matcher.match(ip, kinds[i]!).length, 0));
row(`warninglists, all ${lists.length} lists`, N, wlIps.seconds);
const allIps = timed(() =>
  ips.reduce((n, ip, i) => {
    const c = enricher.countryOf(ip);
    const a = enricher.asnOf(ip);
    return n + (c ? 1 : 0) + (a ? 1 : 0) + matcher.match(ip, kinds[i]!).length;
  }, 0),
);
row('**IPs: country + ASN + warninglists (90 % IPv4, 10 % IPv6)**', N, allIps.seconds);

const ceilSetDomains = timed(() => domains.reduce((n, d) => n + (domainSet.has(d) ? 1 : 0), 0));
row('ceiling: bare `Set.has` over the same domains', N, ceilSetDomains.seconds);
const wlDomains = timed(() => domains.reduce((n, d) => n + matcher.match(d, 'domain').length, 0));
row(`**domains: warninglists, all ${lists.length} lists**`, N, wlDomains.seconds);

const table = [
  `Machine: ${machine()}. ${lists.length} MISP warninglists (${entries.toLocaleString('en-US')} entries) compiled in ${build.seconds.toFixed(2)} s; ASN ranges loaded in ${asnLoad.seconds.toFixed(2)} s.`,
  `IPs: random public IPv4 and 10 % IPv6 in real provider prefixes; domains: 10 % top-list domains, 10 % their subdomains, 80 % random. Hits: ${wlIps.sink.toLocaleString('en-US')} on IPs, ${wlDomains.sink.toLocaleString('en-US')} on domains.`,
  '',
  '| what (1,000,000 values, one core) | rate |',
  '|---|---|',
  ...lines,
];
recordResults('enrich', table);
console.log(table.slice(0, 2).join('\n'));
