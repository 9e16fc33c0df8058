import type { KnowledgeFormat } from './index.ts';

/** The knowledge format of an input from its first bytes, when it is one of them. */
export function knowledgeFormatOf(head: string): KnowledgeFormat | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) {
    if (/"catalogVersion"\s*:/.test(text) && /"vulnerabilities"\s*:/.test(text)) return 'kev';
    if (/"cveMetadata"\s*:|"CVE_RECORD"|"NVD_CVE"|"containers"\s*:\s*\{\s*"(cna|adp)"/.test(text))
      return 'cve';
    return undefined;
  }
  if (text.startsWith('<')) return /<Weakness_Catalog[\s>]/.test(text) ? 'cwe' : undefined;
  const firstLine = text.split(/\r?\n/, 1)[0]!;
  if (/^#model_version:/.test(firstLine) || /^cve,epss(,|$)/i.test(firstLine)) return 'epss';
  if (/^"?cveID"?,"?vendorProject"?,/.test(firstLine)) return 'kev';
  if (/^"?CWE-ID"?,"?Name"?,/.test(firstLine)) return 'cwe';
  return undefined;
}
