import { XMLValidator } from 'fast-xml-parser';
import type { Weakness } from '../../../store/weaknesses-repo.ts';
import type { ItemLocation } from '../../source.ts';
import { reject, type KnowledgeRecord } from './records.ts';
import { safeXmlParser } from '../../../core/safe-xml.ts';

const parser = safeXmlParser({ isArray: (name) => name === 'Related_Attack_Pattern' });

type Node = Record<string, unknown>;

/** Text of an element that may hold markup (`xhtml:p`): its text parts, joined. */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v !== 'object' || v === null) return undefined;
  const parts = Object.entries(v)
    .filter(([k]) => !k.startsWith('@_'))
    .map(([, x]) => (Array.isArray(x) ? x.map(textOf).join(' ') : textOf(x)))
    .filter(Boolean);
  return parts.join(' ').replace(/\s+/g, ' ').trim() || undefined;
}

export function capecIds(values: readonly string[]): string | null {
  const ids = [...new Set(values.filter((v) => /^\d{1,6}$/.test(v)).map((v) => `CAPEC-${v}`))].sort();
  return ids.length > 0 ? JSON.stringify(ids) : null;
}

/** One `<Weakness>` element of the CWE catalog (cwe_schema v7): id, name, status, CAPEC links. */
export function weaknessFromXml(xml: string, location: ItemLocation): KnowledgeRecord {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return reject(`not well-formed XML: ${valid.err.msg}`, {
      ...location,
      line: (location.line ?? 1) + valid.err.line - 1,
    });
  const w = (parser.parse(xml) as { Weakness?: Node }).Weakness;
  const id = typeof w?.['@_ID'] === 'string' ? w['@_ID'] : '';
  const name = typeof w?.['@_Name'] === 'string' ? w['@_Name'] : '';
  if (!w || !/^\d{1,6}$/.test(id)) return reject('a Weakness needs a numeric ID attribute', location);
  if (!name) return reject(`CWE-${id} has no Name attribute`, location);
  const related = (w.Related_Attack_Patterns as Node | undefined)?.Related_Attack_Pattern;
  const capecs = Array.isArray(related)
    ? related.map((r) => (r as Node)['@_CAPEC_ID']).filter((id): id is string => typeof id === 'string')
    : [];
  const weakness: Weakness = {
    cwe: `CWE-${id}`,
    name,
    description: textOf(w.Description) ?? null,
    abstraction: typeof w['@_Abstraction'] === 'string' ? w['@_Abstraction'] : null,
    status: typeof w['@_Status'] === 'string' ? w['@_Status'] : null,
    capecs: capecIds(capecs),
  };
  return { kind: 'weakness', weakness, location };
}
