/** A package URL (github.com/package-url/purl-spec): `pkg:type/namespace/name@version?qualifiers#subpath`. */
export interface Purl {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
}

const TYPE = /^[a-zA-Z.+-][a-zA-Z0-9.+-]*$/;

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** Parsed per the purl spec's "how to parse" steps; the version is after the last `/`'s `@`. */
export function parsePurl(s: string): Purl | undefined {
  const text = s.trim();
  if (text.length > 2048 || !/^pkg:/i.test(text) || /\s/.test(text)) return undefined;
  const rest = text.slice(4).replace(/#.*$/, '').replace(/\?.*$/, '').replace(/^\/+/, '');
  const slash = rest.indexOf('/');
  if (slash <= 0 || !TYPE.test(rest.slice(0, slash))) return undefined;
  const path = rest.slice(slash + 1);
  const lastSlash = path.lastIndexOf('/');
  const at = path.indexOf('@', lastSlash + 1);
  const segments = (at === -1 ? path : path.slice(0, at)).split('/').filter(Boolean).map(decode);
  const version = at === -1 ? undefined : decode(path.slice(at + 1));
  if (segments.length === 0 || segments.some((x) => x === undefined || x === '')) return undefined;
  if (at !== -1 && !version) return undefined;
  const name = segments.pop()!;
  return {
    type: rest.slice(0, slash).toLowerCase(),
    name,
    ...(segments.length > 0 ? { namespace: segments.join('/') } : {}),
    ...(version ? { version } : {}),
  };
}

export function isPurl(s: string): boolean {
  return parsePurl(s) !== undefined;
}
