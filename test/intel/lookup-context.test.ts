import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/intel/ingest/ingest.ts';
import { setOrgProfile } from '../../src/intel/knowledge/org-profile.ts';
import { lookup } from '../../src/intel/lookup.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { DIALECTS, useFreshStore } from '../dialects.ts';
import { indicator, stixRecords } from './records.ts';

const T = '2026-03-01T00:00:00.000Z';
const common = { spec_version: '2.1', created: T, modified: T };
const SET = {
  type: 'intrusion-set',
  id: 'intrusion-set--6a1e5a1e-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
  name: 'Ledger Wolf',
  ...common,
};
const BANKS = {
  type: 'identity',
  id: 'identity--7b2f6b2f-2d3e-4f40-9b5c-6d7e8f9a0b1c',
  name: 'Retail banks',
  identity_class: 'class',
  sectors: ['financial-services'],
  ...common,
};
const IND = indicator(
  'indicator--8c3a7c3a-3e4f-4a51-8c6d-7e8f9a0b1c2d',
  "[domain-name:value = 'ledger-wolf.example.net']",
);
const rel = (id: string, type: string, source: string, target: string) => ({
  type: 'relationship',
  id,
  relationship_type: type,
  source_ref: source,
  target_ref: target,
  ...common,
});

describe.each(DIALECTS)('lookup context on %s', (dialect) => {
  const store = useFreshStore(dialect);

  it('names the actor behind an indicator and flags it relevant only when it targets the organization', async () => {
    await ingest({
      store: store(),
      records: stixRecords([
        SET,
        BANKS,
        IND,
        rel('relationship--9d4b8d4b-4f50-4b62-9d7e-8f9a0b1c2d3e', 'indicates', IND.id as string, SET.id),
        rel('relationship--ae5c9e5c-5061-4c73-8e8f-9a0b1c2d3e4f', 'targets', SET.id, BANKS.id),
      ]),
      format: 'stix',
      sourceName: 'context-test',
    });

    await setOrgProfile(store(), { sectors: ['healthcare'] });
    const elsewhere = await lookup(store(), LOCAL_OPERATOR, 'ledger-wolf[.]example[.]net');
    expect(elsewhere.matches[0]!.context).toEqual({
      actors: [{ id: SET.id, type: 'intrusion-set', name: 'Ledger Wolf' }],
      targeting: [],
      relevant: false,
    });

    await setOrgProfile(store(), { sectors: ['financial-services'] });
    const bank = await lookup(store(), LOCAL_OPERATOR, 'ledger-wolf.example.net');
    expect(bank.matches[0]!.context).toMatchObject({
      targeting: ['sector financial-services'],
      relevant: true,
    });
  });
});
