import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModelFile } from '../../src/threatmodel/formats/index.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { at, list } from './raw-counts.ts';

const td = (...p: string[]) => corpus('threat-models', 'threat-dragon', ...p);
const DEMOS = [
  td('ThreatDragonModels', 'v2-threat-model.json'),
  td('ThreatDragonModels', 'demo-threat-model.json'),
  td('ThreatDragonModels', 'test', 'test-reports.json'),
  td('ThreatDragonModels', 'enter-the-dragon', 'enter-the-dragon-3.json'),
  ...['cryptocurrency-wallet', 'iot-device', 'three-tier-web-app', 'v2-threat-model'].map((n) =>
    td('td.vue', 'src', 'service', 'demo', `${n}.json`),
  ),
  td('td.vue', 'tests', 'unit', 'service', 'migration', 'td-test-model.json'),
];

const STATUS: Record<string, string> = {
  Open: 'open',
  Mitigated: 'mitigated',
  NotApplicable: 'not-applicable',
  'Not Applicable': 'not-applicable',
};

interface RawThreat {
  id?: string;
  threatId?: string;
  title: string;
  status: string;
  severity: string;
  description?: string;
  mitigation?: string;
}

/** Each raw threat with the cell it sits on, walking v1 and v2 layouts. */
function rawThreats(file: string): { cell: string; index: number; threat: RawThreat }[] {
  const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return list(at(doc, 'detail', 'diagrams'))
    .flatMap((d) => list(at(d, 'cells') ?? at(d, 'diagramJson', 'cells')))
    .flatMap((c) =>
      list(at(c, 'data', 'threats') ?? at(c, 'threats')).map((threat, index) => ({
        cell: at(c, 'id') as string,
        index,
        threat: threat as RawThreat,
      })),
    );
}

describe.skipIf(!corporaPresent)('Threat Dragon demo models keep every threat', () => {
  it.each(DEMOS)('%s', async (file) => {
    const model = await readModelFile(file);
    const raw = rawThreats(file);
    expect(raw.length).toBeGreaterThan(0);
    for (const { cell, index, threat } of raw) {
      const id = threat.id ?? threat.threatId ?? `${cell}#${index + 1}`;
      const kept = model.threats.find((t) => t.id === id);
      expect(kept, id).toBeDefined();
      expect(kept!.title).toBe(threat.title);
      expect(kept!.status).toBe(STATUS[threat.status]);
      const severity = String(threat.severity).toLowerCase();
      expect(kept!.severity).toBe(
        ['low', 'medium', 'high', 'critical'].includes(severity) ? severity : undefined,
      );
      expect(kept!.description).toBe(threat.description || undefined);
      expect(kept!.mitigation).toBe(threat.mitigation || undefined);
      expect(kept!.elementIds).toEqual([cell]);
    }
  });

  it('reads the STRIDE category from the threat type text', async () => {
    const model = await readModelFile(td('ThreatDragonModels', 'v2-threat-model.json'));
    const strides = new Set(model.threats.map((t) => t.stride));
    expect(strides).toEqual(
      new Set(['information-disclosure', 'tampering', 'denial-of-service', 'spoofing']),
    );
    expect(model.threats.filter((t) => t.status === 'mitigated')).toHaveLength(4);
  });

  it('keeps non-STRIDE threat types (LINDDUN, CIA) in metadata for export', async () => {
    const model = await readModelFile(td('ThreatDragonModels', 'test', 'test-reports.json'));
    const types = (model.metadata?.threatDragon as { threatTypes: Record<string, string> }).threatTypes;
    const nonStride = model.threats.filter((t) => t.stride === undefined);
    expect(nonStride.length).toBeGreaterThan(0);
    for (const t of nonStride) expect(types[t.id]).toMatch(/\w/);
  });

  it('reads v1 names from the JointJS attributes and flows from source.id/target.id', async () => {
    const model = await readModelFile(td('ThreatDragonModels', 'demo-threat-model.json'));
    expect(model.elements.map((e) => e.name).sort()).toEqual(
      [
        'Background\nWorker Process',
        'Browser',
        'Database',
        'Message Queue',
        'Web Application Config',
        'Web\nApplication',
        'Worker Config',
      ].sort(),
    );
    const request = model.dataFlows.find((f) => f.name === 'Web Request')!;
    expect([request.source, request.destination]).toEqual([
      'b394f9f7-07ca-42bc-b616-ad77c6fbfcce',
      '0d9909ea-1398-4898-be81-cf1c808324dc',
    ]);
  });

  it('puts elements in the boundary boxes that enclose them', async () => {
    const model = await readModelFile(td('td.vue', 'src', 'service', 'demo', 'three-tier-web-app.json'));
    const boxes = model.trustBoundaries.filter((b) => b.elements.length > 0);
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes)
      for (const id of b.elements) expect(model.elements.some((e) => e.id === id)).toBe(true);
  });
});
