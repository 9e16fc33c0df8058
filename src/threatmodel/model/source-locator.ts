import { LineCounter, isMap, isNode, parseDocument } from 'yaml';
import type { PathSegment } from './json-path.ts';

export interface SourcePosition {
  line: number;
  column: number;
}

/** Maps a JSON path of the parsed value back to a 1-based line and column of the source text. */
export type Locator = (path: readonly PathSegment[], opts?: { key?: boolean }) => SourcePosition | undefined;

/**
 * Builds a locator over YAML or JSON text (JSON is read as YAML 1.2 flow style). The document
 * is parsed on first use only, so valid JSON never pays for it. A path that does not exist (a
 * missing property) resolves to its nearest existing ancestor; the last segment, when it names
 * a key of a map, resolves to that key (with `key: true`, even when the value exists).
 */
export function createLocator(text: string): Locator {
  let cached: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  const load = () => {
    if (!cached) {
      const lines = new LineCounter();
      cached = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines };
    }
    return cached;
  };
  return (path, opts) => {
    let loaded;
    try {
      loaded = load();
    } catch {
      return undefined;
    }
    const { doc, lines } = loaded;
    for (let n = opts?.key ? path.length - 1 : path.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (!isNode(node) || !node.range) continue;
      const next = path[n];
      let offset = node.range[0];
      if (isMap(node) && next !== undefined) {
        const pair = node.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === next);
        if (pair && isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
      }
      const pos = lines.linePos(offset);
      return { line: pos.line, column: pos.col };
    }
    return undefined;
  };
}
