import { describe, expect, it } from 'vitest';
import { equalityTerms } from './equality-terms.ts';
import { parsePattern } from './parse.ts';

const terms = (pattern: string) => equalityTerms(parsePattern(pattern));
const term = (objectType: string, path: string, value: string) => ({ objectType, path, value });

describe('equalityTerms reduces exact observables', () => {
  it.each([
    ["[ipv4-addr:value = '1.2.3.4']", [term('ipv4-addr', 'value', '1.2.3.4')]],
    ["[ipv4-addr:value = '10.0.0.0/8']", [term('ipv4-addr', 'value', '10.0.0.0/8')]],
    ["[ipv4-addr:value ISSUBSET '198.51.100.0/24']", [term('ipv4-addr', 'value', '198.51.100.0/24')]],
    ["[ipv6-addr:value = '2001:db8::1']", [term('ipv6-addr', 'value', '2001:db8::1')]],
    ["[url:value = 'http://x.com/a\\'b']", [term('url', 'value', "http://x.com/a'b")]],
    ["[email-addr:value = 'a@x.com']", [term('email-addr', 'value', 'a@x.com')]],
    ["[email-message:from_ref.value = 'a@x.com']", [term('email-message', 'from_ref.value', 'a@x.com')]],
    ['[autonomous-system:number = 64496]', [term('autonomous-system', 'number', '64496')]],
    ["[vulnerability:name = 'CVE-2021-44228']", [term('vulnerability', 'name', 'CVE-2021-44228')]],
    ["[x509-certificate:hashes.'SHA-1' = 'ab']", [term('x509-certificate', 'hashes.SHA-1', 'ab')]],
    [
      "[domain-name:value = 'x.com' OR domain-name:value = 'y.com']",
      [term('domain-name', 'value', 'x.com'), term('domain-name', 'value', 'y.com')],
    ],
    [
      "[file:hashes.MD5 = 'aa' OR file:hashes.'SHA-256' = 'bb']",
      [term('file', 'hashes.MD5', 'aa'), term('file', 'hashes.SHA-256', 'bb')],
    ],
    [
      "[file:hashes.MD5 = 'aa' AND file:hashes.'SHA-1' = 'bb']",
      [term('file', 'hashes.MD5', 'aa'), term('file', 'hashes.SHA-1', 'bb')],
    ],
    [
      "[domain-name:value IN ('a.com', 'b.com')] OR [url:value = 'http://c.com/']",
      [
        term('domain-name', 'value', 'a.com'),
        term('domain-name', 'value', 'b.com'),
        term('url', 'value', 'http://c.com/'),
      ],
    ],
    [
      "[file:name = 'evil.exe' AND file:hashes.MD5 = 'aa' AND file:hashes.'SHA-256' = 'bb']",
      [term('file', 'hashes.MD5', 'aa'), term('file', 'hashes.SHA-256', 'bb')],
    ],
    [
      "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']",
      [term('network-traffic', 'dst_ref.value', '203.0.113.33/32')],
    ],
  ])('%s', (pattern, expected) => {
    expect(terms(pattern)).toEqual(expected);
  });
});

describe('equalityTerms returns null when matching needs more than a lookup', () => {
  it.each([
    "[file:name = 'evil.exe']",
    "[file:name = 'evil.exe' AND domain-name:value = 'x.com']",
    "[file:name = 'evil.exe' AND x509-certificate:hashes.MD5 = 'aa']",
    "[ipv4-addr:value = '1.2.3.4' AND domain-name:value = 'x.com']",
    "[ipv4-addr:value = '1.2.3.4' AND ipv4-addr:value = '5.6.7.8']",
    "[file:hashes.MD5 = 'aa' AND x509-certificate:hashes.MD5 = 'bb']",
    "[ipv4-addr:value = '1.2.3.4'] AND [domain-name:value = 'x.com']",
    "[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [domain-name:value = 'x.com']",
    "[ipv4-addr:value = '1.2.3.4'] WITHIN 60 SECONDS",
    "[ipv4-addr:value != '1.2.3.4']",
    "[ipv4-addr:value NOT = '1.2.3.4']",
    "[domain-name:value LIKE '%.x.com']",
    "[url:value MATCHES '^http']",
    "[domain-name:value ISSUBSET 'x.com']",
    "[ipv4-addr:value ISSUPERSET '1.2.3.4']",
    '[ipv4-addr:value IN ()]',
    "[domain-name:value NOT IN ('a.com')]",
    '[ipv4-addr:value = 16909060]',
    "[domain-name:value = 'x.com' OR mutex:name = 'm']",
    "[domain-name:resolves_to_refs[*].value = '1.2.3.4']",
    "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:src_ref.value = '1.2.3.4']",
    "[network-traffic:dst_ref.type = 'ipv4-addr']",
    '[EXISTS ipv4-addr:value]',
  ])('%s', (pattern) => {
    expect(terms(pattern)).toBeNull();
  });
});
