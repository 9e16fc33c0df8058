import type { ThreatModelInput } from '../../model/schema.ts';
import { boundaryTypeFrom } from '../boundary-types.ts';
import { readExtension } from '../extension.ts';
import { Raw, type RawSource } from '../raw.ts';
import { elementKindFromComponentType, isGenericComponentType } from './component-types.ts';
import { OtmInstances, rating } from './otm-threats.ts';

type ElementInput = NonNullable<ThreatModelInput['elements']>[number];
type BoundaryInput = NonNullable<ThreatModelInput['trustBoundaries']>[number];

export const MODEL_STRUCTURAL = ['title', 'description'];
export const ZONE_STRUCTURAL = ['id', 'name', 'description', 'parent', 'elements'];
export const COMPONENT_STRUCTURAL = ['id', 'name', 'description', 'tags', 'assetsProcessed', 'assetsStored'];
export const FLOW_STRUCTURAL = [
  'id',
  'name',
  'description',
  'source',
  'destination',
  'bidirectional',
  'assets',
  'tags',
];
export const ASSET_STRUCTURAL = ['id', 'name', 'description'];
/** Trust zone our exporter adds to hold elements that sit in no boundary; skipped on import. */
export const UNZONED_ATTRIBUTE = 'threatloom-unzoned';

/**
 * Open Threat Model 0.1/0.2 (JSON or YAML, already parsed) → model input. Threats become
 * model threats with the components and dataflows that instance them; mitigations link to the
 * threats whose instances name them. Representations (diagram geometry, code locations) are
 * not kept.
 */
export function importOtm(value: unknown, source: RawSource): ThreatModelInput {
  const root = Raw.root(value, source).object();
  const project = root.get('project').object();
  const ext = readExtension(project.get('attributes'), MODEL_STRUCTURAL);
  const zones = root
    .get('trustZones')
    .items()
    .filter((z) => z.object().get('attributes').get(UNZONED_ATTRIBUTE).value !== true);
  const boundaries = zones.map(readZone);
  const zoneIds = new Set(boundaries.map((b) => b.id));
  const instances = new OtmInstances();
  const components = root.get('components').items();
  const zoneOf = componentZones(components, zoneIds);
  const componentParents: Record<string, string> = {};

  const elements = components.map((c): ElementInput => {
    const id = c.get('id').str();
    const parent = c.get('parent').get('component').optStr();
    if (parent !== undefined) componentParents[id] = parent;
    const zone = zoneOf.get(id);
    if (zone !== undefined) boundaries.find((b) => b.id === zone)!.elements.push(id);
    instances.add(id, c.get('threats'));
    return readComponent(c);
  });
  const dataFlows = root
    .get('dataflows')
    .items()
    .map((f) => {
      const flow = readFlow(f.object());
      instances.add(flow.id, f.get('threats'));
      return flow;
    });
  const otm = {
    otmVersion: root.get('otmVersion').optStr(),
    projectId: project.get('id').optStr(),
    trustRatings: Object.fromEntries(
      zones.map((z) => [z.get('id').str(), z.get('risk').get('trustRating').optNum()]),
    ),
    componentParents,
  };
  return {
    title: project.get('name').text() ?? project.get('id').text() ?? 'Untitled model',
    description: project.get('description').text(),
    ...(ext ?? { metadata: { otm } }),
    assets: root.get('assets').items().map(readAsset),
    elements,
    dataFlows,
    trustBoundaries: boundaries,
    threats: root
      .get('threats')
      .items()
      .map((t) => instances.threat(t.object())),
    mitigations: root
      .get('mitigations')
      .items()
      .map((m) => instances.mitigation(m.object())),
  };
}

function readZone(z: Raw): BoundaryInput & { elements: string[] } {
  const ext = readExtension(z.get('attributes'), ZONE_STRUCTURAL);
  const name = z.get('name').text();
  return {
    id: z.get('id').str(),
    name,
    description: z.get('description').text(),
    parent: z.get('parent').get('trustZone').optStr(),
    elements: [],
    ...(ext ?? { type: boundaryTypeFrom(z.get('type').optStr(), name) }),
  };
}

/** The trust zone of each component, following `parent.component` up to a zone (OTM 0.2 nesting). */
function componentZones(components: Raw[], zoneIds: Set<string>): Map<string, string> {
  const parentOf = new Map(components.map((c) => [c.object().get('id').str(), c.get('parent')]));
  const out = new Map<string, string>();
  for (const id of parentOf.keys()) {
    let current: string | undefined = id;
    for (let hops = 0; current !== undefined && hops <= parentOf.size; hops++) {
      const parent = parentOf.get(current);
      const zone = parent?.get('trustZone').optStr();
      if (zone !== undefined) {
        if (zoneIds.has(zone)) out.set(id, zone);
        break;
      }
      current = parent?.get('component').optStr();
    }
  }
  return out;
}

function readComponent(c: Raw): ElementInput {
  const id = c.get('id').str();
  const assets = c.get('assets');
  const ext = readExtension(c.get('attributes'), COMPONENT_STRUCTURAL);
  const otmType = c.get('type').optStr() ?? '';
  const { kind, type } = elementKindFromComponentType(otmType);
  const properties = { ...c.get('properties').scalars(), ...c.get('attributes').scalars() };
  const derived = {
    kind,
    type,
    technologies: isGenericComponentType(otmType) ? undefined : [otmType],
    properties: Object.keys(properties).length > 0 ? properties : undefined,
  };
  return {
    id,
    name: c.get('name').text() ?? id,
    description: c.get('description').text(),
    tags: c.get('tags').strings(),
    assetsProcessed: assets.get('processed').strings(),
    assetsStored: assets.get('stored').strings(),
    ...(ext ?? derived),
  } as ElementInput;
}

function readFlow(f: Raw): NonNullable<ThreatModelInput['dataFlows']>[number] {
  const id = f.get('id').str();
  const ext = readExtension(f.get('attributes'), FLOW_STRUCTURAL);
  const properties = { ...f.get('properties').scalars(), ...f.get('attributes').scalars() };
  return {
    id,
    name: f.get('name').text() ?? id,
    description: f.get('description').text(),
    source: f.get('source').str(),
    destination: f.get('destination').str(),
    bidirectional: f.get('bidirectional').optBool(),
    assets: f.get('assets').strings(),
    tags: f.get('tags').strings(),
    ...(ext ?? { properties: Object.keys(properties).length > 0 ? properties : undefined }),
  };
}

function readAsset(a: Raw): NonNullable<ThreatModelInput['assets']>[number] {
  const id = a.object().get('id').str();
  const risk = a.get('risk');
  const ext = readExtension(a.get('attributes'), ASSET_STRUCTURAL);
  const derived = {
    confidentiality: rating(risk.get('confidentiality').optNum()),
    integrity: rating(risk.get('integrity').optNum()),
    availability: rating(risk.get('availability').optNum()),
  };
  return {
    id,
    name: a.get('name').text() ?? id,
    description: a.get('description').text(),
    ...(ext ?? derived),
  };
}
