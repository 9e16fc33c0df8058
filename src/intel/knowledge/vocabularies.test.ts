import { describe, expect, it } from 'vitest';
import { COUNTRIES } from './vocabularies.ts';

describe('ISO 3166-1 alpha-2 codes', () => {
  it('are 249 codes that the runtime knows as regions', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    expect(COUNTRIES.size).toBe(249);
    for (const c of COUNTRIES) expect(names.of(c), c).toBeDefined();
    for (const reserved of ['EU', 'UK', 'XK', 'UN', 'ZZ']) expect(COUNTRIES.has(reserved)).toBe(false);
  });
});
