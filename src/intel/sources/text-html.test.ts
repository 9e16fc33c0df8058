import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../observables/html-text.ts';
import { createHtmlLineReader } from './text-html.ts';

describe('createHtmlLineReader', () => {
  it('drops tags, comments, scripts and styles line by line', () => {
    const read = createHtmlLineReader();
    const lines = [
      '<p>C2 at <b>evil.example</b></p><script>',
      'var x = "1.2.3.4";',
      '</script><!-- 5.6.7.8',
      '--> <style>a{}</style>after',
    ];
    expect(lines.map(read).map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      'C2 at evil.example',
      '',
      '',
      'after',
    ]);
  });

  it('keeps a tag spanning lines out of the text', () => {
    const read = createHtmlLineReader();
    expect([read('<a href="x"'), read('title="t">link</a>')]).toEqual([' ', 'link ']);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities and leaves unknown ones', () => {
    expect(decodeEntities('a&amp;b &lt;x&gt; 1&#46;2&#x2e;3 &nbsp;&bogus;')).toBe('a&b <x> 1.2.3  &bogus;');
  });
});
