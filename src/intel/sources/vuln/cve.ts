import { AppError } from '../../../core/errors.ts';
import type { Limits } from '../../../core/limits.ts';
import type { OpenedInput } from '../open-input.ts';
import { cve5Record, isCve5 } from './cve5.ts';
import { isRecord, readJsonDocument } from './document.ts';
import { nvdRecord } from './nvd.ts';
import type { KnowledgeRecord } from './records.ts';

/**
 * CVE records: one CVE JSON 5 record, an array of them, or an NVD CVE API 2.0 response
 * (`{ format: "NVD_CVE", vulnerabilities: [{ cve: {...} }] }`).
 */
export async function* readCve(input: OpenedInput, limits: Limits): AsyncGenerator<KnowledgeRecord> {
  const doc = await readJsonDocument(input, limits);
  if (Array.isArray(doc)) {
    for (const [i, r] of doc.entries()) yield cve5Record(r, { index: i, path: `$[${i}]` });
    return;
  }
  if (isCve5(doc)) {
    yield cve5Record(doc, { index: 0, path: '$' });
    return;
  }
  if (isRecord(doc) && Array.isArray(doc.vulnerabilities)) {
    for (const [i, v] of doc.vulnerabilities.entries()) {
      const path = `$.vulnerabilities[${i}]`;
      yield isRecord(v)
        ? nvdRecord(v.cve, { index: i, path: `${path}.cve` })
        : { kind: 'reject', message: 'expected an object with a "cve" member', location: { index: i, path } };
    }
    return;
  }
  throw new AppError('INVALID_INPUT', 'neither a CVE JSON 5 record nor an NVD CVE API 2.0 response', {
    file: input.name,
    path: '$',
  });
}
