export type Delimiter = ',' | '\t' | ';' | '|';

export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];

/**
 * Splits one record into fields per RFC 4180 §2: a field that starts with `"` runs to the
 * next lone `"`, and `""` inside it is one quote. Leniently, text after a closing quote is
 * kept, spaces before an opening quote are dropped, and a quote inside an unquoted field is
 * an ordinary character.
 */
export function parseFields(record: string, delimiter: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let j = i;
    while (record[j] === ' ' && delimiter !== ' ') j++;
    if (record[j] === '"') {
      let value = '';
      i = j + 1;
      for (;;) {
        const q = record.indexOf('"', i);
        if (q < 0) {
          value += record.slice(i);
          i = record.length;
          break;
        }
        value += record.slice(i, q);
        if (record[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const end = record.indexOf(delimiter, i);
      value += record.slice(i, end < 0 ? record.length : end);
      fields.push(value);
      if (end < 0) return fields;
      i = end + 1;
    } else {
      const end = record.indexOf(delimiter, i);
      fields.push(record.slice(i, end < 0 ? record.length : end));
      if (end < 0) return fields;
      i = end + 1;
    }
  }
}

/** Occurrences of `ch` outside double quotes, per record: a line feed inside quotes does not end one. */
function countsPerRecord(lines: readonly string[], ch: string): number[] {
  const counts: number[] = [];
  let n = 0;
  let quoted = false;
  for (const line of lines) {
    for (const c of line) {
      if (c === '"') quoted = !quoted;
      else if (c === ch && !quoted) n++;
    }
    if (!quoted) {
      counts.push(n);
      n = 0;
    }
  }
  return counts;
}

/** The most frequent value of a list (the first of equals). */
function mode(values: readonly number[]): number {
  const freq = new Map<number, number>();
  for (const v of values) freq.set(v, (freq.get(v) ?? 0) + 1);
  let best = 0;
  let bestFreq = 0;
  for (const [v, f] of freq) if (f > bestFreq) [best, bestFreq] = [v, f];
  return best;
}

/**
 * The delimiter of a sample of data lines: the candidate found the same non-zero number of
 * times in at least 80 % of the records they form (a ragged row or two is tolerated), the
 * one with the most fields when several qualify. Undefined means a plain one-per-line list.
 */
export function detectDelimiter(lines: readonly string[]): Delimiter | undefined {
  let best: { d: Delimiter; n: number } | undefined;
  for (const d of DELIMITERS) {
    const counts = countsPerRecord(lines, d);
    const n = mode(counts);
    const agreeing = counts.filter((c) => c === n).length;
    if (n > 0 && agreeing >= 0.8 * counts.length && (!best || n > best.n)) best = { d, n };
  }
  return best?.d;
}
