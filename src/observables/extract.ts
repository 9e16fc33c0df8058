import { DEFAULT_LIMITS } from '../core/limits.ts';
import { parseEmail } from './email.ts';
import { prepareText } from './html-text.ts';
import { refangMarked } from './refang.ts';
import { isAlnum, isUrlChar, trimUrlEnd } from './text-chars.ts';
import { TextContext } from './text-context.ts';
import { TakenSpans } from './text-spans.ts';
import { scanTokens } from './tokens.ts';
import type { Observable } from './types.ts';
import { parseUrl } from './url.ts';

/** Schemes taken from text; the longest one ending the word before `://` wins (`seehttp://` → `http://`). */
const TEXT_SCHEMES =
  'https http ftps ftp sftp wss ws ldaps ldap rmi dns iiop corba nis nds smb tcp udp ssh telnet irc tftp rtsp git svn'.split(
    ' ',
  );
const isSchemeChar = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;
const isLocalChar = (c: number): boolean =>
  isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const MAX_LENGTH = DEFAULT_LIMITS.maxObservableLength;
const isHostChar = (c: number): boolean => isAlnum(c) || c === 46 || c === 45 || (c >= 0xc0 && c < 0x2000);

/** URLs with `scheme://`: anchored on each `://`, the scheme read backwards. */
function scanUrls(ctx: TextContext, taken: TakenSpans): void {
  const t = ctx.t;
  for (let i = t.indexOf('://'), next = 0; i >= 0; i = t.indexOf('://', Math.max(next, i + 3))) {
    let s = i;
    while (s > 0 && i - s < 6 && isSchemeChar(t.charCodeAt(s - 1))) s--;
    const word = t.slice(s, i).toLowerCase();
    const scheme = TEXT_SCHEMES.find((k) => word.endsWith(k));
    if (!scheme || i - scheme.length < next) continue;
    s = i - scheme.length;
    let e = i + 3;
    while (e < t.length && isUrlChar(t.charCodeAt(e))) e++;
    e = trimUrlEnd(t, s, e);
    next = e; // tried once: a `://` inside this span does not start another scan of it
    const u = e - s <= MAX_LENGTH ? parseUrl(t.slice(s, e)) : null;
    if (!u || !u.host.knownSuffix) continue;
    ctx.emit(s, e, { kind: 'url', value: u.value, flags: u.flags });
    taken.add(s, e);
  }
}

/** E-mails anchored on each `@` outside URLs: local part ≤ 64 characters back, domain forward. */
function scanEmails(ctx: TextContext, taken: TakenSpans): [number, number][] {
  const t = ctx.t;
  const spans: [number, number][] = [];
  for (let i = t.indexOf('@'); i >= 0; i = t.indexOf('@', i + 1)) {
    if (taken.overlaps(i, i + 1)) continue;
    let s = i;
    while (s > 0 && i - s <= 64 && isLocalChar(t.charCodeAt(s - 1))) s--;
    if (s > 0 && isLocalChar(t.charCodeAt(s - 1))) continue; // a local part over 64 characters
    while (s < i && t.charCodeAt(s) === 46) s++;
    let e = i + 1;
    while (e < t.length && e - i <= 254 && isHostChar(t.charCodeAt(e))) e++;
    while (e > i + 1 && (t.charCodeAt(e - 1) === 46 || t.charCodeAt(e - 1) === 45)) e--;
    const m = s < i && e > i + 1 ? parseEmail(t.slice(s, e)) : null;
    if (!m || !m.host.knownSuffix) continue;
    ctx.emit(s, e, { kind: 'email', value: m.value, flags: m.flags });
    spans.push([s, e]);
  }
  return spans;
}

/**
 * Every indicator in free text (threat reports, e-mails, HTML, Markdown), defanged or not,
 * unique by kind and value, in order of first appearance (the first occurrence's flags win).
 * HTML tags are dropped but their href/src kept, entities decoded, the text refanged; then
 * URLs, e-mails and tokens (IPs, CIDRs, domains, `host/path` URLs, hashes, ASNs, CVEs) are
 * read in linear passes. A URL or e-mail takes its span: its host is not reported again.
 * Domains need an ICANN or special-use suffix; see tokens.ts for file names.
 */
export function extractObservables(text: string): Observable[] {
  const { text: t, marks } = refangMarked(prepareText(text));
  const ctx = new TextContext(t, marks);
  const taken = new TakenSpans();
  scanUrls(ctx, taken);
  taken.seal();
  for (const [s, e] of scanEmails(ctx, taken)) taken.add(s, e);
  taken.seal();
  scanTokens(ctx, taken);
  return ctx.unique();
}
