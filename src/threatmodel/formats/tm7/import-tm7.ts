import type { ThreatModelInput } from '../../model/schema.ts';
import { boundaryTypeFrom } from '../boundary-types.ts';
import { Raw, type RawSource } from '../raw.ts';
import { own } from '../own.ts';
import { strideFrom } from '../stride.ts';
import { inside, readItems, type Tm7Item } from './tm7-items.ts';
import { parseTm7Xml } from './tm7-xml.ts';

type ThreatInput = NonNullable<ThreatModelInput['threats']>[number];

const KINDS: Record<string, 'process' | 'external-entity' | 'datastore'> = {
  'GE.P': 'process',
  'GE.EI': 'external-entity',
  'GE.DS': 'datastore',
};
/** Display properties that are modelled fields rather than pass-through properties. */
const MODELLED = new Set(['Name', 'Out Of Scope', 'Reason For Out Of Scope', 'Dataflow Order']);
const STATES: Record<string, ThreatInput['status']> = {
  Mitigated: 'mitigated',
  NotApplicable: 'not-applicable',
};
const PRIORITIES: Record<string, ThreatInput['severity']> = {
  Low: 'low',
  Medium: 'medium',
  High: 'high',
  Critical: 'critical',
};

/**
 * Microsoft Threat Modeling Tool `.tm7` → model input. Stencils become elements (processes,
 * external interactors, data stores), connectors data flows, border and line boundaries trust
 * boundaries (a border holds the elements its rectangle encloses, the innermost border wins, and
 * nested borders get the enclosing one as parent). Annotations are dropped. Each threat
 * instance is kept with its state and priority, attached to its data flow and target element.
 */
export function importTm7(text: string, source: RawSource): ThreatModelInput {
  const root = Raw.root(parseTm7Xml(text, source.file), source).get('ThreatModel').object();
  const items = readItems(root);
  const nodes = items.filter((i) => own(KINDS, i.generic));
  const borders = items.filter((i) => i.generic === 'GE.TB.B');
  const innermost = (rect: Tm7Item['rect'], self?: Tm7Item) =>
    rect &&
    borders
      .filter((b) => b !== self && b.rect && inside(rect, b.rect))
      .sort((a, b) => a.rect!.width * a.rect!.height - b.rect!.width * b.rect!.height)[0]?.guid;
  const meta = root.get('MetaInformation');
  const nodeIds = new Set(nodes.map((n) => n.guid));
  // A connector may be left with a loose end (an all-zero GUID); its threats are kept.
  const attached = (f: Tm7Item) => nodeIds.has(f.sourceGuid ?? '') && nodeIds.has(f.targetGuid ?? '');
  const flows = items.filter((i) => i.generic === 'GE.DF');
  return {
    title: meta.get('ThreatModelName').text() ?? 'Untitled model',
    description: meta.get('HighLevelSystemDescription').text(),
    metadata: {
      tm7: {
        owner: meta.get('Owner').text(),
        reviewer: meta.get('Reviewer').text(),
        contributors: meta.get('Contributors').text(),
        danglingFlows: flows.filter((f) => !attached(f)).map((f) => f.guid),
      },
    },
    elements: nodes.map((n) => ({
      id: n.guid,
      name: str(n.props.Name) ?? n.guid,
      kind: own(KINDS, n.generic)!,
      type: stencilType(n.typeId),
      outOfScope: bool(n.props['Out Of Scope']),
      outOfScopeReason: str(n.props['Reason For Out Of Scope']),
      properties: passThrough(n),
    })),
    dataFlows: flows.filter(attached).map((f) => ({
      id: f.guid,
      name: str(f.props.Name) ?? f.guid,
      source: f.sourceGuid!,
      destination: f.targetGuid!,
      protocol: stencilType(f.typeId),
      outOfScope: bool(f.props['Out Of Scope']),
      properties: passThrough(f),
    })),
    trustBoundaries: items
      .filter((i) => i.generic === 'GE.TB.B' || i.generic === 'GE.TB.L')
      .map((b) => ({
        id: b.guid,
        name: str(b.props.Name) ?? b.guid,
        type: boundaryTypeFrom(b.typeId.split('.').pop(), str(b.props.Name)),
        parent: b.generic === 'GE.TB.B' ? innermost(b.rect, b) : undefined,
        elements:
          b.generic === 'GE.TB.B' ? nodes.filter((n) => innermost(n.rect) === b.guid).map((n) => n.guid) : [],
      })),
    threats: root.get('ThreatInstances').get('KeyValueOfstringThreatpc_P0_PhOB').items().map(readThreat),
  };
}

function readThreat(kv: Raw): ThreatInput {
  const v = kv.get('Value').object();
  const props = Object.fromEntries(
    v
      .get('Properties')
      .get('KeyValueOfstringstring')
      .items()
      .map((p) => [p.get('Key').str(), p.get('Value').optStr()]),
  );
  const id = kv.get('Key').str();
  return {
    id,
    title: props.Title || v.get('Title').text() || v.get('TypeId').text() || id,
    stride: strideFrom(props.UserThreatCategory),
    elementIds: [v.get('FlowGuid').text(), v.get('TargetGuid').text()].filter(
      (x): x is string => x !== undefined,
    ),
    status: own(STATES, v.get('State').optStr()) ?? 'open',
    severity: own(PRIORITIES, v.get('Priority').optStr() ?? props.Priority),
    description: props.UserThreatDescription || undefined,
    mitigation: props.PossibleMitigations || undefined,
    ruleId: v.get('TypeId').text(),
    source: 'tm7',
  };
}

/** `SE.P.TMCore.WebAPI` → `web-api`; generic stencils (`GE.P`) have no sub-type. */
function stencilType(typeId: string): string | undefined {
  if (!typeId.startsWith('SE.')) return undefined;
  const last = typeId.split('.').pop() ?? '';
  return (
    last
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
      .toLowerCase() || undefined
  );
}

function passThrough(item: Tm7Item): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = { stencil: item.typeId };
  for (const [k, v] of Object.entries(item.props)) if (!MODELLED.has(k)) out[k] = v;
  return out;
}

const str = (v: string | boolean | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);
const bool = (v: string | boolean | undefined) => (typeof v === 'boolean' ? v : undefined);
