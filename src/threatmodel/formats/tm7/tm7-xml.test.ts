import { describe, expect, it } from 'vitest';
import { decodeXmlText } from './tm7-xml.ts';

describe('decodeXmlText', () => {
  it('decodes the predefined entities and character references only', () => {
    expect(decodeXmlText('&lt;a href=&quot;x&quot;&gt; &amp;amp; &#65;&#x42; &apos; &e; &nbsp;')).toBe(
      '<a href="x"> &amp; AB \' &e; &nbsp;',
    );
  });

  it('leaves out-of-range character references as written', () => {
    expect(decodeXmlText('&#x110000;')).toBe('&#x110000;');
  });
});
