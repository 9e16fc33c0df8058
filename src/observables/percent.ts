const HEX = '0123456789ABCDEF';

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

function isUnreserved(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    c === 45 ||
    c === 46 ||
    c === 95 ||
    c === 126
  );
}

/**
 * RFC 3986 §6.2.2.1–2: decode percent-escapes of unreserved characters, upper-case the hex
 * digits of all other escapes. A `%` not followed by two hex digits is left as it is.
 */
export function normalizePercent(s: string): string {
  if (!s.includes('%')) return s;
  let out = '';
  let last = 0;
  for (let i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
    const hi = hexValue(s.charCodeAt(i + 1));
    const lo = hexValue(s.charCodeAt(i + 2));
    if (hi < 0 || lo < 0) continue;
    const code = hi * 16 + lo;
    out += s.slice(last, i) + (isUnreserved(code) ? String.fromCharCode(code) : `%${HEX[hi]}${HEX[lo]}`);
    last = i + 3;
    i += 2;
  }
  return out + s.slice(last);
}
