import { describe, expect, it } from 'vitest';
import { extractObservables } from './extract.ts';

const pairs = (text: string) => extractObservables(text).map((o) => `${o.kind} ${o.value}`);

const REPORT = `
Threat report TR-2024-17 (TLP:CLEAR), version 2.4.1

Summary. The actor delivered invoice.pdf and update.exe inside archive.zip; the loader
(v2.4.1.5, build 1.2.3) beacons to hxxps://cdn-update[.]net/gate.php?id=7&v=2 every 3.5 minutes
and falls back to 185.220.101[.]45 port 443 and to 2a0b:f4c0:16c::1.
Second stage: fxp://files(.)bad-actor(.)ru/payload.bin — served from c2[.]bad-actor[.]ru:8080/api/v1.
The kit also resolves evil dot example dot co dot uk and www.badfiles.zip (not readme.md).
Phishing came from billing[at]secure-pay[.]com and <support@secure-pay.com>.
Hashes: MD5 44D88612FEA8A8F36DE82E800FA2E1D6, SHA-1 3395856ce81f2b7382dee72602f798b642f14140,
SHA-256 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f (dropped as
275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f.exe).
Not hashes: 44d88612fea8a8f36de82e800fa2e1d6ab (34 chars), 0x44d88612fea8a8f36de82e800fa2e1d6_.
Exploited CVE-2021-44228 and cve-2023-4966; hosted on AS9009 and ASN 16276 within 45.9.148.0/24.
Decoys: 3.14, 1.2.3, 10.1, 2024.01.15, 999.1.1.1, 010.1.1.1, a.b, config.local.json, (see
Figure 1.2). Time 12:30:45, MAC 00:1a:2b:3c:4d:5e. Again: https://cdn-update.net/gate.php?id=7&v=2.
`;

describe('extractObservables', () => {
  it('finds exactly the indicators of a hand-written report, in order of first appearance', () => {
    expect(pairs(REPORT)).toEqual([
      'url https://cdn-update.net/gate.php?id=7&v=2',
      'ipv4 185.220.101.45',
      'ipv6 2a0b:f4c0:16c::1',
      'url ftp://files.bad-actor.ru/payload.bin',
      'url http://c2.bad-actor.ru:8080/api/v1',
      'domain evil.example.co.uk',
      'domain www.badfiles.zip',
      'email billing@secure-pay.com',
      'email support@secure-pay.com',
      'md5 44d88612fea8a8f36de82e800fa2e1d6',
      'sha1 3395856ce81f2b7382dee72602f798b642f14140',
      'sha256 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
      'cve CVE-2021-44228',
      'cve CVE-2023-4966',
      'asn AS9009',
      'asn AS16276',
      'cidr4 45.9.148.0/24',
    ]);
  });

  it('flags what was defanged, by its first occurrence', () => {
    const byValue = new Map(extractObservables(REPORT).map((o) => [o.value, o.flags]));
    expect(byValue.get('https://cdn-update.net/gate.php?id=7&v=2')).toEqual(['defanged']);
    expect(byValue.get('support@secure-pay.com')).toEqual([]);
    expect(byValue.get('2a0b:f4c0:16c::1')).toEqual([]);
  });

  it('takes links out of HTML and decodes entities', () => {
    const html = `<p>Click <a class="x" href="hxxp://login-micros0ft[.]com/auth?x=1&amp;y=2">here</a>
      or <img src='https://cdn.evil.io/p.png'>. Host&#58; evil&#46;net, mail bob&commat;evil&period;net.
      <!-- c2: 198.51.100.23 --> &lt;script&gt;</p><b>1.2.3</b>`;
    expect(pairs(html)).toEqual([
      'url http://login-micros0ft.com/auth?x=1&y=2',
      'url https://cdn.evil.io/p.png',
      'domain evil.net',
      'email bob@evil.net',
      'ipv4 198.51.100.23',
    ]);
  });

  it('reads Markdown links, code and emphasis', () => {
    const md = [
      '# IOCs',
      '- [payload](https://evil.example.com/a_(b)) and <https://evil.example.com/z>.',
      '- `203.0.113.10`, **bad.org**, _worse.net_',
      '- see https://en.wikipedia.org/wiki/Foo_(bar), then.',
    ].join('\n');
    expect(pairs(md)).toEqual([
      'url https://evil.example.com/a_(b)',
      'url https://evil.example.com/z',
      'ipv4 203.0.113.10',
      'domain bad.org',
      'domain worse.net',
      'url https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
  });

  it('keeps IPv4 flags and tells CIDRs from paths', () => {
    const found = extractObservables(
      'internal 10.0.0.5, cgnat 100.64.1.1, net 192.168.0.0/16, path 8.8.8.8/dns-query, 1.1.1.1/33',
    );
    expect(found.map((o) => [o.kind, o.value, o.flags.join()])).toEqual([
      ['ipv4', '10.0.0.5', 'private'],
      ['ipv4', '100.64.1.1', 'cgnat'],
      ['cidr4', '192.168.0.0/16', 'private'],
      ['url', 'http://8.8.8.8/dns-query', 'ip-host'],
      ['url', 'http://1.1.1.1/33', 'ip-host'],
    ]);
  });

  it('finds URLs with other schemes and IPv6 CIDRs', () => {
    expect(pairs('${jndi:ldap://45.83.193.150:1389/Exploit} and 2001:db8:abcd::/48.')).toEqual([
      'url ldap://45.83.193.150:1389/Exploit',
      'cidr6 2001:db8:abcd::/48',
    ]);
  });

  it('does not take code, file or internal names for domains', () => {
    const text =
      'WScript.Shell, Mail.Read, System.Net.NetworkInformation.Ping, com.apple.quarantine, rc.local, ' +
      'sshd.target, SAM.hiv, log4j2.properties, bkdr_ursnif.sm, dc01.corp.internal, Win32::API, ' +
      'but evil[.]shell and dl.dropbox.com are hosts.';
    expect(pairs(text)).toEqual(['domain evil.shell', 'domain dl.dropbox.com']);
  });

  it('reads the scheme at the end of a glued word and skips over-long local parts', () => {
    expect(pairs(`seehttps://evil.com/a x${'a'.repeat(70)}@mail.evil.com`)).toEqual([
      'url https://evil.com/a',
      'domain mail.evil.com',
    ]);
  });

  it('handles large inputs in one linear pass', () => {
    const chunk = 'Lorem ipsum dolor 1.2.3 sit amet, evil[.]com v2.4.1 [[[ ((( @@@ :::: ://// ';
    const text = chunk.repeat(70_000) + 'a'.repeat(1_000_000) + '@'.repeat(100_000) + 'f'.repeat(1_000_000);
    expect(pairs(text)).toEqual(['domain evil.com']);
  });

  it('scans each span once when URLs fail or grow past the length limit', () => {
    const text = [
      'a.com:99999/'.repeat(100_000),
      'http://bad_host/'.repeat(100_000),
      `https://b.com/${'x/'.repeat(100_000)}`,
      'c.com/a.com/'.repeat(5000),
    ].join(' ');
    expect(pairs(text)).toEqual([
      'domain a.com',
      'domain b.com',
      `url http://${'c.com/a.com/'.repeat(5000)}`,
    ]);
  });
});
