import type { ObservableKind } from './types.ts';

export type HashKind = Extract<ObservableKind, 'md5' | 'sha1' | 'sha256' | 'sha512'>;

const BY_LENGTH: ReadonlyMap<number, HashKind> = new Map([
  [32, 'md5'],
  [40, 'sha1'],
  [64, 'sha256'],
  [128, 'sha512'],
]);

/** The hash kind a hex string of this length would be, if any. */
export function hashKindOfLength(length: number): HashKind | undefined {
  return BY_LENGTH.get(length);
}

function isHex(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** True when s[start, end) is a hex run whose length is that of a known hash. */
export function isHashRun(s: string, start: number, end: number): boolean {
  return BY_LENGTH.has(end - start) && isHex(s, start, end);
}

/** Hashes are lower-case hex; the kind follows from the length. */
export function parseHash(s: string): { kind: HashKind; value: string } | null {
  const kind = BY_LENGTH.get(s.length);
  if (!kind || !isHex(s, 0, s.length)) return null;
  return { kind, value: s.toLowerCase() };
}
