import type { Raw } from './raw.ts';

/**
 * Key under which our exporters store what the target format cannot say (an element's kind,
 * security properties, a mitigation's status…) in the format's free-form map (OTM
 * `attributes`, Threat Dragon cell `data`). On import the rule is: fields the format carries
 * natively (ids, names, links, containment, threats) are read from the format, so edits made in
 * the other tool win; every other field comes from the extension when it is there, and is
 * derived from the format's own hints only when it is not.
 */
export const EXTENSION_KEY = 'threatloom';

export type Extension = Record<string, unknown>;

/** The extension object inside `map`, with the natively carried `structural` keys removed. */
export function readExtension(map: Raw, structural: readonly string[]): Extension | undefined {
  const ext = map.get(EXTENSION_KEY);
  if (!ext.present) return undefined;
  const value = { ...(ext.object().value as Extension) };
  for (const key of structural) delete value[key];
  return value;
}

/** The extension to write: every field of `item` except the natively carried ones and undefined values. */
export function writeExtension(item: object, structural: readonly string[]): Extension {
  const out: Extension = {};
  for (const [key, value] of Object.entries(item)) {
    if (value !== undefined && !structural.includes(key)) out[key] = value;
  }
  return out;
}

/** Drops undefined properties so that written documents and compared models have one shape. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
