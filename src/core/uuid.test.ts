import { describe, expect, it } from 'vitest';
import { uuidV5 } from './uuid.ts';

describe('uuidV5', () => {
  it('matches the RFC 4122 reference value for python.org in the DNS namespace', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') == 886313e1-3b8a-5372-9b90-0c9aee199e5d
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('hashes the name as UTF-8 and sets version 5 and the RFC 4122 variant', () => {
    const id = uuidV5('00abedb4-aa42-466c-9c01-fed23315a9b7', 'Heizölrückstoßabdämpfung');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).not.toBe(uuidV5('00abedb4-aa42-466c-9c01-fed23315a9b7', 'Heizolruckstossabdampfung'));
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(/not a UUID/);
  });
});
