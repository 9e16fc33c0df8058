import type { ThreatModelInput } from '../../model/schema.ts';
import { readExtension } from '../extension.ts';
import type { Raw } from '../raw.ts';
import { own } from '../own.ts';
import { strideFrom } from '../stride.ts';

type ThreatInput = NonNullable<ThreatModelInput['threats']>[number];
type MitigationInput = NonNullable<ThreatModelInput['mitigations']>[number];
type MitigationStatus = NonNullable<MitigationInput['status']>;

/** `elementIds` come from the instances, unless the extension lists targets OTM cannot instance. */
export const THREAT_STRUCTURAL = ['id', 'title', 'description'];
export const MITIGATION_STRUCTURAL = ['id', 'title', 'description'];

/** Threat instances (`{threat, state, mitigations}`) gathered from components and dataflows. */
export class OtmInstances {
  private readonly targets = new Map<string, string[]>();
  private readonly states = new Map<string, string[]>();
  private readonly mitigationLinks = new Map<string, { threats: string[]; states: string[] }>();

  /** OTM §threat instance: attached to the component or dataflow `targetId`. */
  add(targetId: string, instances: Raw): void {
    for (const inst of instances.items()) {
      const threat = inst.object().get('threat').str();
      push(this.targets, threat, targetId);
      push(this.states, threat, (inst.get('state').optStr() ?? '').toLowerCase());
      for (const link of inst.get('mitigations').items()) {
        const id = link.object().get('mitigation').str();
        const entry = this.mitigationLinks.get(id) ?? { threats: [], states: [] };
        if (!entry.threats.includes(threat)) entry.threats.push(threat);
        entry.states.push((link.get('state').optStr() ?? '').toLowerCase());
        this.mitigationLinks.set(id, entry);
      }
    }
  }

  threat(raw: Raw): ThreatInput {
    const id = raw.get('id').str();
    const risk = raw.get('risk');
    const ext = readExtension(raw.get('attributes'), THREAT_STRUCTURAL);
    const derived = {
      stride: raw
        .get('categories')
        .strings()
        ?.map(strideFrom)
        .find((s) => s !== undefined),
      status: threatStatus(this.states.get(id) ?? []),
      likelihood: rating(risk.get('likelihood').optNum()),
      impact: rating(risk.get('impact').optNum()),
      cwe: raw.get('cwes').strings(),
      source: 'otm',
    };
    return {
      id,
      title: raw.get('name').text() ?? id,
      description: raw.get('description').text(),
      elementIds: this.targets.get(id) ?? [],
      ...(ext ?? derived),
    };
  }

  mitigation(raw: Raw): MitigationInput {
    const id = raw.get('id').str();
    const ext = readExtension(raw.get('attributes'), MITIGATION_STRUCTURAL);
    const links = this.mitigationLinks.get(id);
    const reduction = raw.get('riskReduction').optNum();
    const derived = {
      status: mitigationStatus(links?.states ?? []),
      effectiveness: reduction === undefined ? undefined : Math.min(1, Math.max(0, reduction / 100)),
      threats: links?.threats ?? [],
    };
    return {
      id,
      title: raw.get('name').text() ?? id,
      description: raw.get('description').text(),
      ...(ext ?? derived),
    };
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

/** OTM likelihood and impact are 0–100; ours are 1–5. */
export function rating(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.min(5, Math.max(1, Math.ceil(value / 20)));
}

const THREAT_STATES: Record<string, ThreatInput['status']> = {
  mitigated: 'mitigated',
  accepted: 'accepted',
  'not-applicable': 'not-applicable',
  notapplicable: 'not-applicable',
  'false-positive': 'false-positive',
  transferred: 'transferred',
};

/** One status from the states of all instances: open as soon as one instance is not settled. */
function threatStatus(states: string[]): ThreatInput['status'] {
  const mapped = states.map((s) => own(THREAT_STATES, s) ?? 'open');
  const first = mapped[0];
  return first !== undefined && mapped.every((s) => s === first) ? first : 'open';
}

const MITIGATION_STATES: Record<string, MitigationStatus> = {
  implemented: 'implemented',
  verified: 'verified',
  required: 'planned',
  planned: 'planned',
  rejected: 'rejected',
  'not-applicable': 'rejected',
};
const PROGRESS: MitigationStatus[] = ['rejected', 'proposed', 'planned', 'implemented', 'verified'];

/** The most advanced state among a mitigation's links (IriusRisk RECOMMENDED and others are proposed). */
function mitigationStatus(states: string[]): MitigationStatus {
  const ranks = states.map((s) => PROGRESS.indexOf(own(MITIGATION_STATES, s) ?? 'proposed'));
  return ranks.length === 0 ? 'proposed' : PROGRESS[Math.max(...ranks)]!;
}

export const EXPORT_THREAT_STATE: Record<NonNullable<ThreatInput['status']>, string> = {
  open: 'exposed',
  mitigated: 'mitigated',
  accepted: 'accepted',
  'not-applicable': 'not-applicable',
  'false-positive': 'false-positive',
  transferred: 'transferred',
};

export const EXPORT_MITIGATION_STATE: Record<MitigationStatus, string> = {
  proposed: 'recommended',
  planned: 'required',
  implemented: 'implemented',
  verified: 'verified',
  rejected: 'rejected',
};
