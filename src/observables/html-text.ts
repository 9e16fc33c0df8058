/**
 * Turns HTML or Markdown into plain text for extraction: tags become spaces (keeping the
 * href/src/action values, where links live), entities are decoded. Every pattern is linear:
 * `[^<>]*` stops at the next bracket, so no character is scanned more than twice. Comment
 * markers are removed but comment text is kept (it may hold indicators).
 */
const TAG = /<\/?[a-z][a-z0-9-]{0,30}(?=[\s/>])[^<>]*>|<!--|-->/gi;
const LINK_ATTR = /\s(?:href|src|action)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  period: '.',
  commat: '@',
  colon: ':',
  sol: '/',
  bsol: '\\',
  lsqb: '[',
  rsqb: ']',
  lbrack: '[',
  rbrack: ']',
  lpar: '(',
  rpar: ')',
  lbrace: '{',
  rbrace: '}',
  hyphen: '-',
  dash: '-',
  lowbar: '_',
  num: '#',
  percnt: '%',
  quest: '?',
  equals: '=',
  plus: '+',
  comma: ',',
  semi: ';',
  excl: '!',
  ast: '*',
  Tab: '\t',
  NewLine: '\n',
};

function stripTag(tag: string): string {
  if (tag.length < 5 || tag.startsWith('</')) return ' ';
  const links: string[] = [];
  for (const m of tag.matchAll(LINK_ATTR)) links.push(m[1] ?? m[2] ?? m[3] ?? '');
  return links.length > 0 ? ` ${links.join(' ')} ` : ' ';
}

function decodeEntity(m: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name]! : m;
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m;
}

/** Decodes numeric character references and the named entities that can occur in indicators. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (m: string, dec?: string, hex?: string, name?: string) =>
    decodeEntity(m, dec, hex, name),
  );
}

/** Plain text from HTML/Markdown-ish text; the hyphens U+2010/U+2011 become `-`. */
export function prepareText(text: string): string {
  const t = text.includes('<') ? text.replace(TAG, stripTag) : text;
  return decodeEntities(t).replace(/[\u2010\u2011]/g, '-');
}
