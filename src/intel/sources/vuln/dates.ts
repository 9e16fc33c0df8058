const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An RFC 3339 timestamp in UTC (`2021-12-10T00:00:00.000Z`) from a date or a date-time of a
 * feed; feeds that give no offset (NVD, older CVE records) mean UTC. Undefined when invalid.
 */
export function toUtcTimestamp(value: string): string | undefined {
  const v = value.trim();
  let iso: string;
  if (DATE.test(v)) iso = `${v}T00:00:00Z`;
  else {
    const m = DATE_TIME.exec(v);
    if (!m) return undefined;
    const zone = m[3] ?? 'Z';
    iso = `${m[1]}T${m[2]!.length === 5 ? `${m[2]}:00` : m[2]!.slice(0, 12)}${zone.toUpperCase()}`;
  }
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

export function isDate(value: string): boolean {
  return DATE.test(value) && toUtcTimestamp(value) !== undefined;
}
