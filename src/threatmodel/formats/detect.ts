import type { ModelFormat } from './index.ts';

/** Tells the format of an already parsed YAML or JSON document by its top-level keys. */
export function detectFromValue(value: unknown): Exclude<ModelFormat, 'tm7'> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'threatloom';
  const has = (key: string) => Object.hasOwn(value, key);
  if (has('otmVersion')) return 'otm';
  if (has('threagile_version') || has('technical_assets')) return 'threagile';
  if (has('summary') || has('detail')) return 'threat-dragon';
  return 'threatloom';
}

/** XML (after an optional byte-order mark and blank space) can only be a `.tm7` file among our formats. */
export function looksLikeXml(text: string): boolean {
  return /^\uFEFF?\s*</.test(text);
}
