import type { Analysis, AnalyzedThreat } from '../engine/analysis.ts';
import type { Band } from '../model/schema.ts';

/** Where a threat's element sits in the model file, when known. */
export type ElementLocator = (elementId: string) => number | undefined;

export interface SarifOptions {
  /** The model file as the scanned artifact (relative path or URI). */
  artifactUri: string;
  locateElement?: ElementLocator;
  toolVersion?: string;
}

const LEVEL: Record<Band, 'note' | 'warning' | 'error'> = {
  low: 'note',
  medium: 'warning',
  high: 'error',
  critical: 'error',
};
/** GitHub code scanning reads `security-severity` (0–10) to rank security results. */
const SEVERITY: Record<Band, string> = { low: '3.0', medium: '5.5', high: '8.0', critical: '9.5' };

/** A SARIF 2.1.0 log of the analysis: one rule per threat rule, one result per threat (OASIS SARIF v2.1.0 §3.13–3.27). */
export function renderSarif(analysis: Analysis, opts: SarifOptions): Record<string, unknown> {
  const ruleIds = [...new Set(analysis.threats.map((t) => t.ruleId))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const first = new Map<string, AnalyzedThreat>();
  for (const t of analysis.threats) if (!first.has(t.ruleId)) first.set(t.ruleId, t);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'threatloom',
            informationUri: 'https://github.com/threatloom/threatloom',
            ...(opts.toolVersion ? { version: opts.toolVersion } : {}),
            rules: ruleIds.map((id) => ruleDescriptor(first.get(id)!)),
          },
        },
        artifacts: [{ location: { uri: opts.artifactUri }, roles: ['analysisTarget'] }],
        results: analysis.threats.map((t) => result(t, index.get(t.ruleId)!, opts)),
      },
    ],
  };
}

function ruleDescriptor(t: AnalyzedThreat) {
  const url = t.references?.find((r) => /^https?:\/\//.test(r));
  return {
    id: t.ruleId,
    name: t.ruleId.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: t.source === 'model' ? 'Threat carried in the model file' : t.title },
    ...(url ? { helpUri: url } : {}),
    defaultConfiguration: { level: LEVEL[t.risk.inherent.band] },
    properties: {
      tags: ['security', 'threat-model', t.stride, ...t.cwe],
      'security-severity': SEVERITY[t.risk.inherent.band],
    },
  };
}

function result(t: AnalyzedThreat, ruleIndex: number, opts: SarifOptions) {
  const elementId = t.elementIds[0];
  const line = elementId === undefined ? undefined : opts.locateElement?.(elementId);
  const open = t.status === 'open';
  return {
    ruleId: t.ruleId,
    ruleIndex,
    level: LEVEL[t.risk.current.band],
    message: {
      text: `${t.title} on ${t.elementIds.join(', ') || 'the model'}: ${t.risk.current.band} risk (score ${t.risk.current.score}), ${t.status}`,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: opts.artifactUri, index: 0 },
          ...(line ? { region: { startLine: line } } : {}),
        },
        logicalLocations: t.elementIds.map((id) => ({
          name: id,
          fullyQualifiedName: `${t.id}/${id}`,
          kind: 'element',
        })),
      },
    ],
    partialFingerprints: { threatId: t.id },
    ...(open
      ? {}
      : { suppressions: [{ kind: 'external', status: 'accepted', justification: justification(t) }] }),
    properties: {
      threatId: t.id,
      stride: t.stride,
      band: t.risk.current.band,
      score: t.risk.current.score,
      inherent: t.risk.inherent.band,
      status: t.status,
      cwe: t.cwe,
      capec: t.capec,
      attack: t.attack,
    },
  };
}

function justification(t: AnalyzedThreat): string {
  const d = t.decision;
  if (!d) return `status ${t.status}`;
  if (d.status === 'false-positive') return d.reason;
  if (d.status === 'transferred') return `transferred to ${d.to}`;
  return d.justification ?? d.status;
}
