import { isAppError } from '../../core/errors.ts';
import { vulnerabilitiesForTechnology } from '../../intel/knowledge/index.ts';
import type { Store } from '../../store/store.ts';
import { technologyName } from '../engine/views.ts';
import type { ThreatModel } from '../model/schema.ts';
import type { NotableCve } from './intel-index.ts';

const MAX_CVES_PER_TECHNOLOGY = 1000;

function cwesOf(json: string | null): string[] {
  const v = json ? (JSON.parse(json) as unknown) : [];
  return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
}

/**
 * The KEV and high-EPSS CVEs of each technology the model's elements name, looked up by the
 * technology's CPE, else its purl, else its bare product name. A name that cannot denote a
 * product (it has spaces, say) has no CVEs rather than failing the analysis.
 */
export async function technologyCves(
  store: Store,
  model: ThreatModel,
  epssThreshold: number,
): Promise<Map<string, NotableCve[]>> {
  const queries = new Map<string, string>();
  for (const e of model.elements)
    for (const t of e.technologies ?? [])
      queries.set(technologyName(t), typeof t === 'string' ? t : (t.cpe ?? t.purl ?? t.name));
  const out = new Map<string, NotableCve[]>();
  for (const [name, query] of queries) {
    let found;
    try {
      found = await vulnerabilitiesForTechnology(store, query, { limit: MAX_CVES_PER_TECHNOLOGY });
    } catch (e) {
      if (isAppError(e) && e.code === 'INVALID_INPUT') continue;
      throw e;
    }
    const notable = found
      .map(({ facts }) => ({
        cve: facts.cve,
        kev: Number(facts.kev) === 1,
        epss: facts.epss === null ? null : Number(facts.epss),
        cwes: cwesOf(facts.cwes),
      }))
      .filter((c) => c.kev || (c.epss ?? 0) >= epssThreshold);
    if (notable.length > 0) out.set(name, notable);
  }
  return out;
}
