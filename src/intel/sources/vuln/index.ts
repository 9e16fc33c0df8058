import type { Limits } from '../../../core/limits.ts';
import { openInput, type FetchSettings } from '../open-input.ts';
import { readCve } from './cve.ts';
import { readCweCsv } from './cwe-csv.ts';
import { readCweXml } from './cwe-xml.ts';
import { readEpss } from './epss.ts';
import { peek } from './document.ts';
import { readKev } from './kev.ts';
import type { KnowledgeRecord } from './records.ts';

export type { KnowledgeRecord, MetaRecord, VulnRecord, WeaknessRecord } from './records.ts';

/** The ingest formats of vulnerability and weakness knowledge. */
export const KNOWLEDGE_FORMATS = ['kev', 'epss', 'cve', 'cwe'] as const;
export type KnowledgeFormat = (typeof KNOWLEDGE_FORMATS)[number];

export function isKnowledgeFormat(format: string): format is KnowledgeFormat {
  return (KNOWLEDGE_FORMATS as readonly string[]).includes(format);
}

/** Reads a KEV, EPSS, CVE or CWE input (file, URL or stdin) as knowledge records. */
export async function* readKnowledge(
  format: KnowledgeFormat,
  location: string,
  opts: FetchSettings & { limits: Limits },
): AsyncGenerator<KnowledgeRecord> {
  const input = await openInput(location, opts);
  if (format === 'kev') yield* readKev(input, opts.limits);
  else if (format === 'epss') yield* readEpss(input, opts.limits);
  else if (format === 'cve') yield* readCve(input, opts.limits);
  else {
    const { head, input: replay } = await peek(input);
    yield* head.startsWith('<') ? readCweXml(replay, opts.limits) : readCweCsv(replay, opts.limits);
  }
}
