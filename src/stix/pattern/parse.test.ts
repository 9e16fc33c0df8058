import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { parsePattern } from './parse.ts';

function errorOf(pattern: string): AppError {
  try {
    parsePattern(pattern);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`pattern parsed: ${pattern}`);
}

// Valid patterns from the STIX patterning spec examples, cti-pattern-validator's 2.1 tests and
// cti-stix-validator's indicator tests.
const VALID = [
  "[windows-registry-key:values[*].data='badstuff']",
  "[x-x-foo:x_x_name = 'something']",
  "[windows-registry-key:key LIKE 'HKEY_LOCAL_MACHINE\\\\Foo\\\\Bar%']",
  "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
  "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
  "([file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) WITHIN 300 SECONDS",
  "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
  "[file:mime_type = 'image/bmp' AND file:magic_number_hex = h'ffd8']",
  "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
  "[(file:name = 'pdf.exe' OR file:size = '371712') AND file:created = t'2014-01-13T07:03:17Z']",
  "[process:command_line MATCHES '^.+>-add GlobalSign.cer'] FOLLOWEDBY [process:command_line MATCHES'^.+>-add'] WITHIN 300 SECONDS",
  "[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']",
  "([file:name = 'foo.dll'] AND [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) OR [process:name = 'fooproc' OR process:name = 'procfoo']",
  '[file:size != 1280]',
  '[file:size <= 1024]',
  "[ipv4addr:value NOT ISSUBSET '192.168.0.1/24']",
  "[file:file_name IN ('test.txt', 'test2.exe', 'README')]",
  "[x_whatever:detected == t'2018-03-22T12:11:14.1Z']",
  "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
  '[foo:bar=1] REPEATS 9 TIMES',
  '( [(network-traffic:dst_port IN(443,6443,8443) AND network-traffic:src_packets != 0) ])',
  "([win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar']) WITHIN 5 SECONDS WITHIN 6 SECONDS",
  "([win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] REPEATS 2 TIMES) REPEATS 2 TIMES",
  "[network-traffic:src_port = 37020 AND user-account:user_id = 'root'] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z' OR [ipv4-addr:value = '192.168.122.83'] START t'2016-06-01T03:55:00.123Z' STOP t'2016-06-01T04:30:24.743Z'",
  '[a:b[-1] <> -0.5 AND EXISTS a:c AND a:d NOT = true] // a comment',
  '/* leading */ [a:b = +5]\u00a0WITHIN .5 SECONDS',
];

describe('parsePattern accepts the grammar', () => {
  it.each(VALID)('%s', (pattern) => {
    expect(() => parsePattern(pattern)).not.toThrow();
  });

  it('binds AND tighter than OR inside brackets', () => {
    const ast = parsePattern('[a:x = 1 OR a:y = 2 AND a:z = 3]');
    expect(ast).toMatchObject({
      type: 'observation',
      comparison: {
        type: 'comparison-op',
        operator: 'OR',
        operands: [{ type: 'test' }, { operator: 'AND' }],
      },
    });
  });

  it('binds observation AND tighter than OR, and OR tighter than FOLLOWEDBY', () => {
    const ast = parsePattern('[a:x = 1] FOLLOWEDBY [a:x = 2] OR [a:x = 3] AND [a:x = 4]');
    expect(ast).toMatchObject({
      operator: 'FOLLOWEDBY',
      operands: [{ type: 'observation' }, { operator: 'OR', operands: [{}, { operator: 'AND' }] }],
    });
  });

  it('applies a qualifier to the observation before it only', () => {
    const ast = parsePattern('[a:x = 1] AND [a:x = 2] WITHIN 5 SECONDS');
    expect(ast).toMatchObject({
      operator: 'AND',
      operands: [{ type: 'observation' }, { type: 'qualified', qualifier: { type: 'within', seconds: '5' } }],
    });
  });

  it('decodes object paths, escapes and literals', () => {
    const ast = parsePattern(
      "[network-traffic:extensions.'http-request-ext'.request_header.Host[0][*] = 'it\\'s \\\\ ok']",
    );
    expect(ast).toEqual({
      type: 'observation',
      comparison: {
        type: 'test',
        operator: '=',
        negated: false,
        path: {
          objectType: 'network-traffic',
          steps: [
            { key: 'extensions' },
            { key: 'http-request-ext' },
            { key: 'request_header' },
            { key: 'Host' },
            { index: 0 },
            { index: '*' },
          ],
        },
        value: { type: 'string', value: "it's \\ ok" },
      },
    });
  });

  it('keeps numbers as decimal text and follows the lexer longest match', () => {
    const values = (p: string) => {
      const ast = parsePattern(p);
      return ast.type === 'observation' && ast.comparison.type === 'in' ? ast.comparison.values : [];
    };
    expect(values("[a:b IN (+7, -0, 1.50, -.25, true, h'0aFF', t'2016-02-29T23:59:60Z')]")).toEqual([
      { type: 'int', value: '7' },
      { type: 'int', value: '-0' },
      { type: 'float', value: '1.50' },
      { type: 'float', value: '-.25' },
      { type: 'bool', value: true },
      { type: 'hex', value: '0aFF' },
      { type: 'timestamp', value: '2016-02-29T23:59:60Z' },
    ]);
  });
});

// Failing patterns of cti-pattern-validator's 2.1 tests (its columns are 0-based) and
// cti-stix-validator's indicator tests, and more.
const INVALID: [string, number, string][] = [
  [`[file:hashes."SHA-256" = 'aec0']`, 14, 'unexpected character "\\""'],
  ['file:size = 1280', 1, "expected '[' or '('"],
  ['[file:size = ]', 14, 'expected a literal'],
  ['[file:hashes.MD5 = cead3f77f6cda6ec00f57d76c9a6879f]', 20, 'expected a literal'],
  ['[file.size = 1280]', 6, "expected ':'"],
  ['[file:name MATCHES /.*\\\\.dll/]', 20, 'expected a string literal'],
  ["[w:key = 'a'] WITHIN ]", 22, 'expected a positive number of seconds'],
  ["[w:key = 'a'] WITHIN 5 HOURS]", 24, "expected 'SECONDS', found 'HOURS'"],
  ["[w:key = 'a'] WITHIN -5 SECONDS]", 22, 'expected a positive number of seconds'],
  ["[w:key = 'a'] WITHIN 0 SECONDS", 22, 'expected a positive number of seconds'],
  ["[w:key = 'a'] WITHIN 0.0 SECONDS", 22, 'expected a positive number of seconds'],
  ["[w:key = 'a'] REPEATS 0 TIMES", 23, 'expected a positive integer'],
  ["[w:key = 'a'] START t'2016-06-01T02:20:00Z' STOP t'2016-06-01T01:30:00Z'", 15, 'is not later than START'],
  [
    "[w:key = 'a'] START t'2016-06-01T01:30:00Z' STOP t'2016-06-01T01:30:00.000Z'",
    15,
    'is not later than START',
  ],
  ["[a:b = t'2016-02-30T00:00:00Z']", 8, 'invalid timestamp literal'],
  ['[network-traffic:dst_ref.value ISSUBSET ]', 41, 'expected a string literal'],
  ["[file:hashes.MD5 =? 'cead']", 19, 'unexpected character "?"'],
  ["[x_whatever:detected == t'2457-73-22T32:81:84.1Z']", 25, 'invalid timestamp literal'],
  ["[artifact:payload_bin = b'====']", 25, 'invalid binary (base64) literal'],
  ['[foo:bar=1] within 2 seconds', 13, "found 'within'"],
  ["[w:key = 'a'] WITHIN 5 SECONDS WITHIN 6 SECONDS", 32, 'duplicate WITHIN qualifier'],
  ["([w:key = 'a'] REPEATS 2 TIMES REPEATS 3 TIMES)", 32, 'duplicate REPEATS qualifier'],
  [
    "[w:key = 'a'] START t'2016-06-01T01:30:00Z' STOP t'2016-06-01T02:20:00Z' START t'2016-06-01T01:30:00Z' STOP t'2016-06-01T02:20:00Z'",
    74,
    'duplicate START qualifier',
  ],
  ["[a:b = 1] START '2016-06-01T01:30:00Z' STOP t'2016-06-01T02:20:00Z'", 17, "expected a timestamp t'…'"],
  ['[file:extensions.windows-pebinary-ext.sections[*].entropy > 7.0]', 18, 'expected a property name'],
  ['[a:b = 1', 9, "expected ']', found the end of the pattern"],
  ["[a:b = 'x\\y']", 10, 'invalid escape'],
  ["[a:b = h'abc']", 8, 'invalid hex literal'],
  ['[a:b > true]', 8, 'expected a literal (string, number, timestamp, hex or binary)'],
  ["[a:b IN ('x' 'y')]", 14, "expected ',' or ')'"],
  ['[a:b = 1] AND', 14, "expected '[' or '('"],
  ['[a:b = 1] /* open', 11, 'unterminated comment'],
  ['[AND:b = 1]', 2, 'expected an object type'],
  ['[a:b NOT EXISTS]', 10, 'expected a comparison operator'],
  ['[a:b = 1]]', 10, 'end of the pattern'],
];

describe('parsePattern rejects bad patterns with the position and what was expected', () => {
  it.each(INVALID)('%s → column %i', (pattern, column, message) => {
    const error = errorOf(pattern);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.location.column).toBe(column);
    expect(error.message).toContain(message);
  });
});

describe('parsePattern on hostile input', () => {
  it('stops at the depth limit on 100,000 nested parentheses', () => {
    const error = errorOf('('.repeat(100_000));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.location.column).toBe(65);
  });

  it('fails at the second bracket of 100,000 nested brackets', () => {
    const error = errorOf('['.repeat(100_000));
    expect(error.location.column).toBe(2);
  });

  it('refuses a 10 MB string literal by length, naming the first character past the limit', () => {
    const error = errorOf(`[a:b = '${'x'.repeat(10_000_000)}']`);
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.location.column).toBe(1024 * 1024 + 1);
  });

  it('finds an unterminated 10 MB string when the limits allow it', () => {
    const text = `[a:b = '${'x\\\\'.repeat(3_000_000)}`;
    const limits = { maxDepth: 64, maxStringLength: 20_000_000 };
    expect(() => parsePattern(text, { limits })).toThrow(/column 8: unterminated string literal/);
  });
});
