import { describe, expect, it } from 'vitest';
import { decodeXmlEntities } from './safe-xml.ts';

describe('decodeXmlEntities', () => {
  it('decodes the predefined entities and character references only', () => {
    expect(decodeXmlEntities('&lt;a href=&quot;x&quot;&gt; &amp;amp; &#65;&#x42; &apos; &e; &nbsp;')).toBe(
      '<a href="x"> &amp; AB \' &e; &nbsp;',
    );
  });

  it('leaves out-of-range character references as written', () => {
    expect(decodeXmlEntities('&#x110000;')).toBe('&#x110000;');
  });
});
