/** What characters a trimmed value contains, gathered in one pass to pick a parser cheaply. */
export interface Shape {
  colon: boolean;
  at: boolean;
  slash: boolean;
  schemeSep: boolean;
  /** Only digits, dots and slashes: an IPv4 address or CIDR if anything. */
  ipv4Chars: boolean;
  hex: boolean;
}

export function shapeOf(s: string): Shape {
  let colon = false;
  let at = false;
  let slash = false;
  let ipv4Chars = s.length > 0;
  let hex = s.length > 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (!digit && c !== 46 && c !== 47) ipv4Chars = false;
    if (!digit && !((c | 0x20) >= 97 && (c | 0x20) <= 102)) hex = false;
    if (c === 58) colon = true;
    else if (c === 64) at = true;
    else if (c === 47) slash = true;
  }
  return { colon, at, slash, schemeSep: colon && slash && s.includes('://'), ipv4Chars, hex };
}

/** Characters that can only be in a value through defanging: brackets, backslash, space, look-alike dots. */
export function mayBeDefanged(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 91 || c === 40 || c === 123 || c === 92 || c === 32 || c >= 0x2000) return true;
  }
  const c0 = s.charCodeAt(0) | 0x20;
  const c1 = s.charCodeAt(1) | 0x20;
  return (c0 === 104 || c0 === 102) && (c1 === 120 || c1 === 42);
}
