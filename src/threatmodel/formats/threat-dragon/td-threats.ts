import type { Band, ModelThreat, ThreatStatus } from '../../model/schema.ts';
import { EXTENSION_KEY, readExtension } from '../extension.ts';
import type { Raw } from '../raw.ts';
import { own } from '../own.ts';
import { strideFrom, strideLabel } from '../stride.ts';

type ThreatInput = Omit<Partial<ModelThreat>, 'id' | 'title'> & { id: string; title: string };

/** Fields Threat Dragon stores natively on each threat; the rest travel in the extension. */
export const TD_THREAT_STRUCTURAL = [
  'id',
  'title',
  'status',
  'severity',
  'stride',
  'description',
  'mitigation',
];

const STATUS_IN: Record<string, ThreatStatus> = {
  open: 'open',
  mitigated: 'mitigated',
  accepted: 'accepted',
  transferred: 'transferred',
  notapplicable: 'not-applicable',
  na: 'not-applicable',
  // No home of their own: the threat no longer applies because it was designed out.
  avoided: 'mitigated',
  eliminated: 'mitigated',
};

export const TD_STATUS_OUT: Record<ThreatStatus, string> = {
  open: 'Open',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  transferred: 'Transferred',
  'not-applicable': 'NotApplicable',
  'false-positive': 'NotApplicable',
};

export function tdSeverityOut(severity: Band | undefined): string {
  return severity ? severity.charAt(0).toUpperCase() + severity.slice(1) : 'TBD';
}

/**
 * One Threat Dragon threat (TD-schema2 `threats[]`) → model threat attached to `cellId`. Threats
 * without an id (v1 files) get `<cell id>#<n>`. `types` collects threat types that are not
 * STRIDE (LINDDUN, CIA, PLOT4ai…) so the export can write them back.
 */
export function readTdThreat(
  raw: Raw,
  cellId: string,
  index: number,
  types: Record<string, string>,
): ThreatInput {
  const t = raw.object();
  const id = t.get('id').text() ?? t.get('threatId').text() ?? `${cellId}#${index + 1}`;
  const ext = readExtension(t, TD_THREAT_STRUCTURAL);
  const typeText = t.get('type').text();
  const stride = strideFrom(typeText);
  if (typeText !== undefined && stride === undefined) types[id] = typeText;
  const statusText = (t.get('status').text() ?? 'Open').toLowerCase().replace(/[^a-z]/g, '');
  let status = own(STATUS_IN, statusText) ?? 'open';
  // false-positive is written as NotApplicable; the extension tells them apart.
  const extStatus = t.get(EXTENSION_KEY).get('status').value;
  if (extStatus === 'false-positive' && status === 'not-applicable') status = 'false-positive';
  const severityText = t.get('severity').text()?.toLowerCase();
  return {
    id,
    title: t.get('title').text() ?? 'Untitled threat',
    status,
    severity: (['low', 'medium', 'high', 'critical'] as const).find((s) => s === severityText),
    stride,
    description: t.get('description').text(),
    mitigation: t.get('mitigation').text(),
    elementIds: [cellId],
    ...(ext ?? { source: 'threat-dragon' }),
  };
}

export function writeTdThreat(
  threat: ModelThreat,
  types: Record<string, string>,
): Record<string, string> & { status: string } {
  return {
    id: threat.id,
    title: threat.title,
    type: threat.stride ? strideLabel(threat.stride) : (types[threat.id] ?? ''),
    status: TD_STATUS_OUT[threat.status],
    severity: tdSeverityOut(threat.severity),
    description: threat.description ?? '',
    mitigation: threat.mitigation ?? '',
    modelType: threat.stride || !types[threat.id] ? 'STRIDE' : 'Generic',
  };
}
