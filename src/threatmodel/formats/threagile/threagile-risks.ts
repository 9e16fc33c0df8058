import type { ThreatModelInput } from '../../model/schema.ts';
import type { Raw } from '../raw.ts';
import { own } from '../own.ts';
import { strideFrom } from '../stride.ts';
import { IMPACT, LIKELIHOOD, SEVERITY } from './threagile-values.ts';

type Decisions = NonNullable<ThreatModelInput['decisions']>;
type MitigationInput = NonNullable<ThreatModelInput['mitigations']>[number];
type ThreatInput = NonNullable<ThreatModelInput['threats']>[number];

const TRACKED_STATUS: Record<string, ThreatInput['status']> = {
  mitigated: 'mitigated',
  accepted: 'accepted',
  'false-positive': 'false-positive',
};

/**
 * `risk_tracking` (keys are Threagile risk ids, `*` wildcards allowed between the `@`) →
 * decisions; `in-progress` becomes a planned mitigation of the matching threats. `unchecked` and
 * `in-discussion` record no decision (they stay in metadata.threagile.riskTracking).
 */
export function readRiskTracking(tracking: Raw): { decisions: Decisions; mitigations: MitigationInput[] } {
  const decisions: Decisions = {};
  const mitigations: MitigationInput[] = [];
  for (const [key, entry] of tracking.entries()) {
    const status = entry.object().get('status').optStr() ?? 'unchecked';
    const justification = entry.get('justification').text();
    const by = entry.get('checked_by').text();
    const date = entry.get('date').text();
    const ticket = entry.get('ticket').text();
    if (status === 'accepted') {
      decisions[key] = {
        status,
        justification: justification ?? 'accepted in Threagile risk tracking',
        by: by ?? 'unknown',
        date,
      };
    } else if (status === 'mitigated') {
      decisions[key] = { status, justification, by, date };
    } else if (status === 'false-positive') {
      decisions[key] = {
        status,
        reason: justification ?? 'marked false positive in Threagile risk tracking',
        by,
        date,
      };
    } else if (status === 'in-progress') {
      mitigations.push({
        id: `risk-tracking:${key}`,
        title: justification ?? `Mitigation of ${key}`,
        status: 'planned',
        owner: by,
        ticket,
        threats: [key],
      });
    } else if (!['unchecked', 'in-discussion'].includes(status)) {
      entry.get('status').fail(`unknown risk tracking status '${status}'`);
    }
  }
  return { decisions, mitigations };
}

/** Individual (custom) risk categories with their `risks_identified` → model threats. */
export function readIndividualRisks(root: Raw): ThreatInput[] {
  const tracking = root.get('risk_tracking');
  const categories = ['individual_risk_categories', 'custom_risk_categories'].flatMap((key) => {
    const node = root.get(key);
    return Array.isArray(node.value)
      ? node.items().map((c) => c.object())
      : node.entries().map(([, c]) => c.object());
  });
  return categories.flatMap((cat) => {
    const catId = cat.get('id').str();
    const cwe = cat.get('cwe').optStr();
    return cat
      .get('risks_identified')
      .entries()
      .map(([title, risk]): ThreatInput => {
        const r = risk.object();
        const relevant = (key: string) => r.get(`most_relevant_${key}`).text();
        const parts = [
          'data_asset',
          'technical_asset',
          'communication_link',
          'trust_boundary',
          'shared_runtime',
        ].map(relevant);
        const id = [catId, ...parts.filter((p) => p !== undefined)].join('@');
        const tracked = tracking.get(id).get('status').optStr();
        return {
          id,
          title: title.replace(/<[^>]{0,100}>/g, ''),
          stride: strideFrom(cat.get('stride').optStr()),
          elementIds: [parts[1], parts[2], parts[3]].filter((p): p is string => p !== undefined),
          status: own(TRACKED_STATUS, tracked) ?? 'open',
          severity: lookup(r.get('severity'), SEVERITY),
          likelihood: lookup(r.get('exploitation_likelihood'), LIKELIHOOD),
          impact: lookup(r.get('exploitation_impact'), IMPACT),
          description: cat.get('description').text(),
          mitigation: cat.get('mitigation').text(),
          ruleId: catId,
          cwe: cwe === undefined ? undefined : [`CWE-${cwe}`],
          source: 'threagile',
        };
      });
  });
}

export function lookup<T>(raw: Raw, table: Record<string, T>): T | undefined {
  const word = raw.text();
  if (word === undefined) return undefined;
  const hit = own(table, word);
  if (hit === undefined)
    raw.fail(`unknown value '${word}' (expected one of ${Object.keys(table).join(', ')})`);
  return hit;
}
