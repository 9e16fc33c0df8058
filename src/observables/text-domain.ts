import type { DomainResult } from './domain.ts';
import type { TextContext } from './text-context.ts';

/**
 * ICANN TLDs that are also common file extensions or unit names. In text, `invoice.zip`,
 * `readme.md` or `sshd.target` is a file name unless it was defanged (`invoice[.]zip`), starts
 * with `www.`, or comes with a scheme (found as a URL). Extensions such as .pl, .cc, .ai, .tk
 * are left out: they are frequent in real indicators and rare as file names in reports.
 */
const FILE_EXTENSION_TLDS = new Set(
  'zip mov sh py md rs pm ps app so one do pub gs run cab java map hiv pid target shell data ms ax save cat properties'.split(
    ' ',
  ),
);

/**
 * Names that read as code rather than hosts: reverse-DNS identifiers (`com.apple.xpc`) and a
 * capitalized last label of four or more letters (`WScript.Shell`, `Mail.Read`,
 * `System.Net.NetworkInformation.Ping`); real hosts in reports are written in lower case.
 */
function looksLikeCode(raw: string): boolean {
  if (/^(?:com|org|net)\./i.test(raw)) return true;
  const last = raw.slice(raw.lastIndexOf('.') + 1);
  return last.length >= 4 && last.charCodeAt(0) >= 65 && last.charCodeAt(0) <= 90;
}

/** A domain found as a token is reported unless it is a file name, code, or an internal name. */
export function isTextDomain(ctx: TextContext, d: DomainResult, s: number, e: number): boolean {
  if (!d.knownSuffix || d.flags.includes('private') || d.flags.includes('link-local')) return false;
  if (ctx.defanged(s, e)) return true;
  if (FILE_EXTENSION_TLDS.has(d.tld) && !d.value.startsWith('www.')) return false;
  return !looksLikeCode(ctx.t.slice(s, e));
}
