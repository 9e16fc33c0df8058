import { describe, expect, it } from 'vitest';
import { uuidv5 } from './uuid5.ts';

describe('uuidv5', () => {
  it('matches the RFC 4122 reference value for python.org in the DNS namespace', () => {
    expect(uuidv5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('hashes the name as UTF-8 and sets version 5 and the RFC 4122 variant', () => {
    const id = uuidv5('Heizölrückstoßabdämpfung', '00abedb4-aa42-466c-9c01-fed23315a9b7');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).not.toBe(uuidv5('Heizolruckstossabdampfung', '00abedb4-aa42-466c-9c01-fed23315a9b7'));
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidv5('x', 'not-a-uuid')).toThrow(/not a UUID/);
  });
});
