import type { ThreatModel } from '../../model/schema.ts';
import { EXTENSION_KEY, compact, writeExtension } from '../extension.ts';
import { elementZones, threatMatches } from '../model-relations.ts';
import {
  ASSET_STRUCTURAL,
  COMPONENT_STRUCTURAL,
  FLOW_STRUCTURAL,
  MODEL_STRUCTURAL,
  UNZONED_ATTRIBUTE,
  ZONE_STRUCTURAL,
} from './import-otm.ts';
import {
  EXPORT_MITIGATION_STATE,
  EXPORT_THREAT_STATE,
  MITIGATION_STRUCTURAL,
  THREAT_STRUCTURAL,
} from './otm-threats.ts';

const OTM_VERSION = '0.2.0';
const UNZONED_ID = 'threatloom-unzoned';
const percent = (rating: number | undefined) => (rating === undefined ? undefined : rating * 20);

/** Writes the model as an OTM 0.2.0 JSON document (see import-otm.ts for what maps where). */
export function exportOtm(model: ThreatModel): string {
  const meta = otmMetadata(model);
  const zoneOf = elementZones(model);
  const unzoned = model.elements.some((e) => !zoneOf.has(e.id));
  const targets = new Set([...model.elements.map((e) => e.id), ...model.dataFlows.map((f) => f.id)]);
  const threatExtension = (t: ThreatModel['threats'][number]) => {
    const ext = writeExtension(t, THREAT_STRUCTURAL);
    if (t.elementIds.every((id) => targets.has(id))) delete ext.elementIds;
    return ext;
  };
  const instances = (targetId: string) => {
    const list = model.threats
      .filter((t) => t.elementIds.includes(targetId))
      .map((t) => ({
        threat: t.id,
        state: EXPORT_THREAT_STATE[t.status],
        mitigations: model.mitigations
          .filter((m) => m.threats.some((pattern) => threatMatches(pattern, t.id)))
          .map((m) => ({ mitigation: m.id, state: EXPORT_MITIGATION_STATE[m.status] })),
      }));
    return list.length > 0 ? list : undefined;
  };
  const doc = {
    otmVersion: meta.otmVersion ?? OTM_VERSION,
    project: compact({
      name: model.title,
      id: meta.projectId ?? slug(model.title),
      description: model.description,
      attributes: {
        [EXTENSION_KEY]: writeExtension(model, [
          ...MODEL_STRUCTURAL,
          'assets',
          'elements',
          'dataFlows',
          'trustBoundaries',
          'threats',
          'mitigations',
        ]),
      },
    }),
    assets: model.assets.map((a) =>
      compact({
        id: a.id,
        name: a.name ?? a.id,
        description: a.description,
        risk: {
          confidentiality: percent(a.confidentiality),
          integrity: percent(a.integrity),
          availability: percent(a.availability),
        },
        attributes: { [EXTENSION_KEY]: writeExtension(a, ASSET_STRUCTURAL) },
      }),
    ),
    trustZones: [
      ...model.trustBoundaries.map((b) =>
        compact({
          id: b.id,
          name: b.name ?? b.id,
          type: b.type,
          description: b.description,
          risk: { trustRating: meta.trustRatings?.[b.id] ?? (b.type === 'internet' ? 0 : 50) },
          parent: b.parent === undefined ? undefined : { trustZone: b.parent },
          attributes: { [EXTENSION_KEY]: writeExtension(b, ZONE_STRUCTURAL) },
        }),
      ),
      ...(unzoned
        ? [
            {
              id: UNZONED_ID,
              name: 'Not in a trust boundary',
              risk: { trustRating: 50 },
              attributes: { [UNZONED_ATTRIBUTE]: true },
            },
          ]
        : []),
    ],
    components: model.elements.map((e) => {
      const parentComponent = meta.componentParents?.[e.id];
      const nested = parentComponent !== undefined && zoneOf.get(parentComponent) === zoneOf.get(e.id);
      return compact({
        id: e.id,
        name: e.name ?? e.id,
        type: e.technologies?.map((t) => (typeof t === 'string' ? t : t.name))[0] ?? e.type ?? e.kind,
        description: e.description,
        parent: nested ? { component: parentComponent } : { trustZone: zoneOf.get(e.id) ?? UNZONED_ID },
        tags: e.tags,
        assets:
          e.assetsProcessed || e.assetsStored
            ? compact({ processed: e.assetsProcessed, stored: e.assetsStored })
            : undefined,
        threats: instances(e.id),
        attributes: { [EXTENSION_KEY]: writeExtension(e, COMPONENT_STRUCTURAL) },
      });
    }),
    dataflows: model.dataFlows.map((f) =>
      compact({
        id: f.id,
        name: f.name ?? f.id,
        description: f.description,
        bidirectional: f.bidirectional,
        source: f.source,
        destination: f.destination,
        assets: f.assets,
        tags: f.tags,
        threats: instances(f.id),
        attributes: { [EXTENSION_KEY]: writeExtension(f, FLOW_STRUCTURAL) },
      }),
    ),
    threats: model.threats.map((t) =>
      compact({
        id: t.id,
        name: t.title,
        description: t.description,
        categories: t.stride ? [t.stride] : undefined,
        cwes: t.cwe,
        risk: { likelihood: percent(t.likelihood) ?? null, impact: percent(t.impact) ?? 0 },
        attributes: { [EXTENSION_KEY]: threatExtension(t) },
      }),
    ),
    mitigations: model.mitigations.map((m) =>
      compact({
        id: m.id,
        name: m.title,
        description: m.description,
        riskReduction: Math.round(100 * effectiveness(m.effectiveness)),
        attributes: { [EXTENSION_KEY]: writeExtension(m, MITIGATION_STRUCTURAL) },
      }),
    ),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

interface OtmMeta {
  otmVersion?: string;
  projectId?: string;
  trustRatings?: Record<string, number | undefined>;
  componentParents?: Record<string, string>;
}

function otmMetadata(model: ThreatModel): OtmMeta {
  const otm = model.metadata?.otm;
  return typeof otm === 'object' && otm !== null ? otm : {};
}

function effectiveness(value: ThreatModel['mitigations'][number]['effectiveness']): number {
  if (typeof value === 'number') return value;
  return { low: 0.3, medium: 0.6, high: 0.9 }[value];
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'model'
  );
}
