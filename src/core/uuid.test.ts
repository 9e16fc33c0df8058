import { describe, expect, it } from 'vitest';
import { uuidV5 } from './uuid.ts';

describe('uuidV5', () => {
  it('matches the RFC 4122 reference value for the DNS namespace', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') == 886313e1-3b8a-5372-9b90-0c9aee199e5d
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });
});
