/**
 * STIX identifiers (STIX 2.1 §2.9): `<object-type>--<UUID>`. The type name has 3–250
 * characters of `a–z`, `0–9` and single hyphens (§3.1, `type`); the UUID follows RFC 4122
 * (versions 1–5, variant 10xx), as the official JSON schema `identifier.json` requires.
 */
export const TYPE_NAME_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const UUID_RE =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

export function isStixTypeName(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 3 && value.length <= 250 && TYPE_NAME_RE.test(value);
}

export function isStixId(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 290) return false;
  // Split at the fixed-width UUID first: two simple anchored tests beat one combined pattern.
  const end = value.length - 38;
  return (
    end >= 3 &&
    value.charCodeAt(end) === 45 &&
    value.charCodeAt(end + 1) === 45 &&
    TYPE_NAME_RE.test(value.slice(0, end)) &&
    UUID_RE.test(value.slice(end + 2))
  );
}

/** The object type named by an identifier (`indicator` for `indicator--…`), or undefined. */
export function idType(id: string): string | undefined {
  const end = id.indexOf('--');
  return end > 0 ? id.slice(0, end) : undefined;
}

/** The version nibble of an identifier's UUID (`5` for deterministic SCO ids, `4` for random). */
export function idUuidVersion(id: string): string | undefined {
  const end = id.indexOf('--');
  return end > 0 ? id.charAt(end + 2 + 14) : undefined;
}
