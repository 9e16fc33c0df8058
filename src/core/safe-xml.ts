import { XMLParser } from 'fast-xml-parser';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five predefined XML entities and character references in one linear pass.
 * Nothing else is ever expanded: documents are parsed with entity processing off.
 */
export function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(PREDEFINED, ref) ? PREDEFINED[ref]! : whole;
  });
}

/**
 * A parser for untrusted XML: no entity processing (no XXE, no entity bombs; the predefined
 * entities and character references are decoded by decodeXmlEntities), values kept as text,
 * attributes under `@_`, namespace prefixes removed. `isArray` names the elements that repeat.
 */
export function safeXmlParser(opts: { isArray: (name: string) => boolean; trimValues?: boolean }): XMLParser {
  return new XMLParser({
    processEntities: false,
    htmlEntities: false,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: opts.trimValues ?? true,
    isArray: opts.isArray,
    tagValueProcessor: (_name, value) => decodeXmlEntities(value),
    attributeValueProcessor: (_name, value) => decodeXmlEntities(value),
  });
}
