/**
 * CPE 2.3 formatted strings (NISTIR 7695 §6.2) and name matching (NISTIR 7696 §6). Version
 * ranges (NVD's versionStartIncluding…) are not modelled: a range criterion is stored as its
 * CPE with version `*`, so it matches every version.
 */
export type CpeValue =
  { kind: 'any' } | { kind: 'na' } | { kind: 'value'; text: string; wildcard: boolean; raw: string };

export const CPE_ATTRIBUTES = [
  'part',
  'vendor',
  'product',
  'version',
  'update',
  'edition',
  'language',
  'sw_edition',
  'target_sw',
  'target_hw',
  'other',
] as const;

export type Cpe = Record<(typeof CPE_ATTRIBUTES)[number], CpeValue>;

const MAX_CPE_LENGTH = 2048;

/** Splits at colons not escaped with a backslash. */
function components(body: string): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      if (i + 1 >= body.length) return undefined;
      cur += c + body[i + 1]!;
      i++;
    } else if (c === ':') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function toValue(raw: string): CpeValue | undefined {
  if (raw === '*') return { kind: 'any' };
  if (raw === '-') return { kind: 'na' };
  if (raw === '' || /\s/.test(raw)) return undefined;
  let text = '';
  let wildcard = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') text += raw[++i]!;
    else if (c === '*' || c === '?') {
      wildcard = true;
      text += c === '*' ? '\u0001' : '\u0002';
    } else text += c;
  }
  return { kind: 'value', text: text.toLowerCase(), wildcard, raw };
}

/** A CPE 2.3 formatted string, or undefined when it is not one. */
export function parseCpe(s: string): Cpe | undefined {
  if (s.length > MAX_CPE_LENGTH || !/^cpe:2\.3:/i.test(s)) return undefined;
  const parts = components(s.slice(8));
  if (!parts || parts.length !== CPE_ATTRIBUTES.length) return undefined;
  const out: Partial<Cpe> = {};
  for (const [i, name] of CPE_ATTRIBUTES.entries()) {
    const v = toValue(parts[i]!);
    if (!v) return undefined;
    out[name] = v;
  }
  const part = out.part!;
  if (part.kind === 'value' && (part.wildcard || !['a', 'o', 'h'].includes(part.text))) return undefined;
  return out as Cpe;
}

export function isCpe(s: string): boolean {
  return parseCpe(s) !== undefined;
}

/** Glob match of `*` (\u0001, any run) and `?` (\u0002, one character), in O(n·m). */
function globMatch(pattern: string, text: string): boolean {
  let prev: boolean[] = Array.from({ length: text.length + 1 }, (_, j) => j === 0);
  for (const p of pattern) {
    const next: boolean[] = [p === '\u0001' && prev[0]!];
    for (let j = 1; j <= text.length; j++) {
      next[j] =
        p === '\u0001' ? prev[j]! || next[j - 1]! : prev[j - 1]! && (p === '\u0002' || p === text[j - 1]);
    }
    prev = next;
  }
  return prev[text.length]!;
}

type Relation = 'superset' | 'equal' | 'subset' | 'disjoint';

/** NISTIR 7696 Table 6-2: how a source attribute relates to a target attribute. */
function compare(source: CpeValue, target: CpeValue): Relation {
  if (source.kind === 'any') return target.kind === 'any' ? 'equal' : 'superset';
  if (target.kind === 'any') return 'subset';
  if (source.kind === 'na' || target.kind === 'na') return source.kind === target.kind ? 'equal' : 'disjoint';
  if (target.kind === 'value' && target.wildcard) return source.raw === target.raw ? 'equal' : 'disjoint';
  if (source.kind === 'value' && source.wildcard)
    return globMatch(source.text, target.text) ? 'superset' : 'disjoint';
  return source.text === target.text ? 'equal' : 'disjoint';
}

/**
 * NISTIR 7696 name matching: true when `pattern` is a superset of or equal to `cpe` in every
 * attribute (`*` matches anything, `-` only `-`, values compare case-insensitively, wildcards
 * in the pattern's values are honoured).
 */
export function cpeMatches(pattern: string | Cpe, cpe: string | Cpe): boolean {
  const p = typeof pattern === 'string' ? parseCpe(pattern) : pattern;
  const c = typeof cpe === 'string' ? parseCpe(cpe) : cpe;
  if (!p || !c) return false;
  return CPE_ATTRIBUTES.every((a) => {
    const r = compare(p[a], c[a]);
    return r === 'superset' || r === 'equal';
  });
}

/** True when the two names can denote the same product: no attribute is disjoint either way. */
export function cpeOverlaps(a: Cpe, b: Cpe): boolean {
  return CPE_ATTRIBUTES.every(
    (k) => compare(a[k], b[k]) !== 'disjoint' || compare(b[k], a[k]) !== 'disjoint',
  );
}
