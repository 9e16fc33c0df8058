import { sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Store } from '../../store/store.ts';
import type { VulnerabilityFacts } from '../../store/vulnerability-facts-repo.ts';
import { cpeOverlaps, parseCpe, type Cpe, type CpeValue } from './cpe.ts';
import { parsePurl } from './purl.ts';

export interface TechnologyVulnerability {
  facts: VulnerabilityFacts;
  /** The CPEs of the CVE that match the technology. */
  matchedCpes: string[];
}

const ANY: CpeValue = { kind: 'any' };

function value(text: string): CpeValue {
  return { kind: 'value', text: text.toLowerCase(), wildcard: false, raw: text };
}

/** A CPE, a purl (its name as the product, its version) or a bare product name, as a CPE. */
export function technologyCpe(input: string): Cpe | undefined {
  const cpe = parseCpe(input);
  if (cpe) return cpe;
  const purl = parsePurl(input);
  const product = purl ? purl.name : /^[\w.+-]{1,200}$/.test(input) ? input : undefined;
  if (!product) return undefined;
  const base = Object.fromEntries(
    ['part', 'vendor', 'update', 'edition', 'language', 'sw_edition', 'target_sw', 'target_hw', 'other'].map(
      (k) => [k, ANY],
    ),
  ) as Omit<Cpe, 'product' | 'version'>;
  return { ...base, product: value(product), version: purl?.version ? value(purl.version) : ANY };
}

/** The longest plain run of a name: a cheap LIKE prefilter on the stored JSON. */
function prefilter(cpe: Cpe): string | undefined {
  for (const v of [cpe.product, cpe.vendor]) {
    if (v.kind !== 'value') continue;
    const runs = v.text.split(/[^a-z0-9]+/).sort((a, b) => b.length - a.length);
    if (runs[0] && runs[0].length >= 2) return runs[0];
  }
  return undefined;
}

/**
 * The CVEs whose CPEs (from CVE records) can denote this technology: a CPE 2.3 name, a purl,
 * or a product name such as `nginx`. Versions compare for equality only; a CVE's range
 * criterion (version `*`) matches every version of its product.
 */
export async function vulnerabilitiesForTechnology(
  store: Store,
  cpeOrName: string,
  opts: { limit?: number } = {},
): Promise<TechnologyVulnerability[]> {
  const tech = technologyCpe(cpeOrName.trim());
  if (!tech)
    throw new AppError(
      'INVALID_INPUT',
      `${JSON.stringify(cpeOrName.slice(0, 200))} is not a CPE 2.3 name, a purl or a product name`,
    );
  const word = prefilter(tech);
  if (!word)
    throw new AppError('INVALID_INPUT', 'the technology needs a product or vendor name to search by');
  const rows = await store.db
    .selectFrom('vulnerability_facts')
    .selectAll()
    .where('cpes', 'is not', null)
    .where(sql<boolean>`lower(cpes) like ${`%${word}%`}`)
    .orderBy('cve')
    .execute();
  const out: TechnologyVulnerability[] = [];
  for (const facts of rows) {
    const matched = (JSON.parse(facts.cpes!) as string[]).filter((c) => {
      const cpe = parseCpe(c);
      return cpe !== undefined && cpeOverlaps(cpe, tech);
    });
    if (matched.length > 0) out.push({ facts, matchedCpes: matched });
    if (out.length >= (opts.limit ?? 1000)) break;
  }
  return out;
}
