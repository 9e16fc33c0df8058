import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refang, refangMarked } from './refang.ts';

/** The usual defanging, as analysts and feeds write it. */
function defang(s: string, style: number): string {
  const dots = ['[.]', '(.)', '{.}', '[dot]', '(dot)', ' [.] '][style % 6]!;
  return s
    .replace(/^http/, style % 2 ? 'hxxp' : 'hXXp')
    .replace('://', style % 3 ? '[://]' : '[:]//')
    .replaceAll('.', dots)
    .replace('@', style % 2 ? '[@]' : '[at]');
}

describe('refang', () => {
  it('undoes common defanging', () => {
    const cases: [string, string][] = [
      ['hxxp://evil[.]com/a', 'http://evil.com/a'],
      ['hXXps[:]//evil(.)com', 'https://evil.com'],
      ['HXXPS[://]a{.}b', 'https://a.b'],
      ['fxp://files[dot]example(dot)org', 'ftp://files.example.org'],
      ['h**p://x[.]io', 'http://x.io'],
      ['evil [.] com', 'evil.com'],
      ['1.2.3[.]4', '1.2.3.4'],
      ['user[@]mail[.]ru', 'user@mail.ru'],
      ['user [at] mail(.)ru', 'user@mail.ru'],
      ['user(at)mail[DOT]ru', 'user@mail.ru'],
      ['evil\\.com', 'evil.com'],
      ['http:\\/\\/a.com', 'http://a.com'],
      ['a.com[/]path', 'a.com/path'],
      ['evil\u2024com and x\uff0ey\u3002cn', 'evil.com and x.y.cn'],
      ['evil dot com', 'evil.com'],
      ['mail dot evil DOT co dot uk', 'mail.evil.co.uk'],
    ];
    for (const [input, want] of cases) expect(refang(input), input).toBe(want);
  });

  it('leaves prose alone', () => {
    for (const s of [
      'the dot com bubble',
      'connect the dot to the line',
      'a dot product',
      'httpx is a tool; hxxp alone is a word',
      'see (a) and [b]; 3.14 and 1.2.3',
      'sentence. Next',
      'caf\u00e9\u3002next',
    ])
      expect(refang(s), s).toBe(s);
  });

  it('marks where it replaced text', () => {
    const { text, marks } = refangMarked('go to evil[.]com or 1.2.3.4 or hxxp://x[.]ru');
    expect(text).toBe('go to evil.com or 1.2.3.4 or http://x.ru');
    const spans = [];
    for (let i = 0; i < marks.length; i += 2) spans.push(text.slice(marks[i], marks[i + 1]));
    expect(spans).toEqual(['.', 'http', '.']);
    expect(marks[0]).toBe(text.indexOf('.'));
  });

  it('inverts defanging', () => {
    const host = fc.domain().filter((d) => !/(^|\.)(dot|at)(\.|$)/i.test(d));
    const values = fc.oneof(
      host,
      host.map((d) => `http://${d}/path`),
      fc
        .tuple(
          fc.stringMatching(/^[a-z0-9._-]{1,10}$/).filter((l) => !/\.\.|^\.|\.$/.test(l)),
          host,
        )
        .map(([l, d]) => `${l}@${d}`),
      fc.ipV4(),
    );
    fc.assert(fc.property(values, fc.nat(), (v, style) => refang(defang(v, style)) === v));
  });

  it('stays linear on hostile input', () => {
    const hostile =
      '[ . '.repeat(100_000) + 'hxxp'.repeat(100_000) + ' dot '.repeat(100_000) + 'a dot '.repeat(50_000);
    expect(refang(hostile).length).toBeGreaterThan(0);
  });
});
