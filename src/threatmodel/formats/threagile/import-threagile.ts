import type { ThreatModelInput } from '../../model/schema.ts';
import { boundaryTypeFrom } from '../boundary-types.ts';
import { own } from '../own.ts';
import { Raw, type RawSource } from '../raw.ts';
import { lookup, readIndividualRisks, readRiskTracking } from './threagile-risks.ts';
import {
  AUTHENTICATION,
  BOUNDARY_TYPES,
  CONFIDENTIALITY,
  CRITICALITY,
  ENCRYPTION,
  isEncryptedProtocol,
  linkId,
} from './threagile-values.ts';

type ElementInput = NonNullable<ThreatModelInput['elements']>[number];
type FlowInput = NonNullable<ThreatModelInput['dataFlows']>[number];

const MACHINES = ['physical', 'virtual', 'container', 'serverless'];

/**
 * Threagile YAML (includes already merged, YAML merge keys resolved) → model input: data
 * assets, technical assets with their communication links, nested trust boundaries, individual
 * risks and risk tracking. Link ids follow Threagile (`<source>><title-in-kebab-case>`).
 */
export function importThreagile(value: unknown, source: RawSource): ThreatModelInput {
  const root = Raw.root(value, source).object();
  const flows: FlowInput[] = [];
  const elements = root
    .get('technical_assets')
    .entries()
    .map(([title, a]) => readAsset(title, a.object(), flows));
  const tracking = readRiskTracking(root.get('risk_tracking'));
  return {
    title: root.get('title').text() ?? 'Untitled model',
    description: root.get('application_description').get('description').text(),
    objectives: { businessContext: root.get('business_overview').get('description').text() },
    metadata: {
      threagile: {
        version: root.get('threagile_version').optStr(),
        author: root.get('author').get('name').optStr(),
        date: root.get('date').optStr(),
        businessCriticality: root.get('business_criticality').optStr(),
        sharedRuntimes: Object.fromEntries(
          root
            .get('shared_runtimes')
            .entries()
            .map(([, r]) => [r.object().get('id').str(), r.get('technical_assets_running').strings() ?? []]),
        ),
        riskTracking: root.get('risk_tracking').value ?? {},
      },
    },
    assets: root
      .get('data_assets')
      .entries()
      .map(([title, d]) => {
        const a = d.object();
        return {
          id: a.get('id').str(),
          name: title,
          description: a.get('description').text(),
          confidentiality: lookup(a.get('confidentiality'), CONFIDENTIALITY),
          integrity: lookup(a.get('integrity'), CRITICALITY),
          availability: lookup(a.get('availability'), CRITICALITY),
          tags: a.get('tags').strings(),
        };
      }),
    elements,
    dataFlows: flows,
    trustBoundaries: readBoundaries(root.get('trust_boundaries')),
    threats: readIndividualRisks(root),
    decisions: tracking.decisions,
    mitigations: tracking.mitigations,
  };
}

function readAsset(title: string, a: Raw, flows: FlowInput[]): ElementInput {
  const id = a.get('id').str();
  const type = a.get('type').optStr();
  const human = a.get('used_as_client_by_human').optBool();
  const kind =
    type === 'process'
      ? 'process'
      : type === 'datastore'
        ? 'datastore'
        : type === 'external-entity'
          ? human
            ? 'actor'
            : 'external-entity'
          : a.get('type').fail(`unknown technical asset type '${type}'`);
  const technology = a.get('technology').text();
  const technologies =
    a.get('technologies').strings() ?? (technology === undefined ? undefined : [technology]);
  const machine = a.get('machine').text();
  for (const [linkTitle, l] of a.get('communication_links').entries())
    flows.push(readLink(id, linkTitle, l.object()));
  const properties = Object.fromEntries(
    ['usage', 'size', 'owner', 'confidentiality', 'integrity', 'availability', 'used_as_client_by_human']
      .map((k) => [k, a.get(k).value] as const)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'boolean'),
  ) as Record<string, string | boolean>;
  return {
    id,
    name: title,
    kind,
    type: technologies?.[0],
    description: a.get('description').text(),
    technologies,
    internetFacing: a.get('internet').optBool(),
    encryptionAtRest: lookup(a.get('encryption'), ENCRYPTION),
    multiTenant: a.get('multi_tenant').optBool(),
    redundant: a.get('redundant').optBool(),
    customDeveloped: a.get('custom_developed_parts').optBool(),
    machine:
      machine === undefined
        ? undefined
        : MACHINES.includes(machine)
          ? (machine as ElementInput['machine'])
          : a.get('machine').fail(`unknown machine '${machine}'`),
    outOfScope: a.get('out_of_scope').optBool(),
    outOfScopeReason: a.get('justification_out_of_scope').text(),
    tags: a.get('tags').strings(),
    assetsProcessed: a.get('data_assets_processed').strings(),
    assetsStored: a.get('data_assets_stored').strings(),
    dataFormats: a.get('data_formats_accepted').strings(),
    properties: Object.keys(properties).length > 0 ? properties : undefined,
  };
}

function readLink(sourceId: string, title: string, l: Raw): FlowInput {
  const protocol = l.get('protocol').text();
  const assets = [
    ...(l.get('data_assets_sent').strings() ?? []),
    ...(l.get('data_assets_received').strings() ?? []),
  ];
  const usage = l.get('usage').text();
  const properties = Object.fromEntries(
    ['authorization', 'ip_filtered']
      .map((k) => [k, l.get(k).value] as const)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'boolean'),
  ) as Record<string, string | boolean>;
  return {
    id: linkId(sourceId, title),
    name: title,
    source: sourceId,
    destination: l.get('target').str(),
    description: l.get('description').text(),
    protocol,
    encrypted: protocol === undefined ? undefined : isEncryptedProtocol(protocol),
    authentication: lookup(l.get('authentication'), AUTHENTICATION),
    vpn: l.get('vpn').optBool(),
    readonly: l.get('readonly').optBool(),
    usage:
      usage === 'business' || usage === 'devops'
        ? usage
        : usage === undefined
          ? undefined
          : l.get('usage').fail(`unknown usage '${usage}'`),
    assets: assets.length > 0 ? [...new Set(assets)] : undefined,
    tags: l.get('tags').strings(),
    properties: Object.keys(properties).length > 0 ? properties : undefined,
  };
}

/** Trust boundaries; `trust_boundaries_nested` lists children, which we turn into each child's parent. */
function readBoundaries(node: Raw): NonNullable<ThreatModelInput['trustBoundaries']> {
  const parentOf = new Map<string, string>();
  const boundaries = node.entries().map(([title, b]) => {
    const id = b.object().get('id').str();
    for (const [i, child] of (b.get('trust_boundaries_nested').strings() ?? []).entries()) {
      const before = parentOf.get(child);
      if (before !== undefined && before !== id)
        b.get('trust_boundaries_nested')
          .get(i)
          .fail(`boundary '${child}' is nested in both '${before}' and '${id}'`);
      parentOf.set(child, id);
    }
    const type = b.get('type').text();
    return {
      id,
      name: title,
      description: b.get('description').text(),
      type: own(BOUNDARY_TYPES, type) ?? boundaryTypeFrom(type, title),
      elements: b.get('technical_assets_inside').strings() ?? [],
      tags: b.get('tags').strings(),
    };
  });
  return boundaries.map((b) => ({ ...b, parent: parentOf.get(b.id) }));
}
