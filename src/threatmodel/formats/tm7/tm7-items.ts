import type { Raw } from '../raw.ts';

/** One stencil (border or line) of a drawing surface, with its display properties flattened. */
export interface Tm7Item {
  raw: Raw;
  guid: string;
  /** GE.P, GE.EI, GE.DS, GE.DF, GE.TB.B, GE.TB.L, GE.A (annotation). */
  generic: string;
  /** Specific stencil, e.g. SE.P.TMCore.WebAPI. */
  typeId: string;
  props: Record<string, string | boolean>;
  rect?: { left: number; top: number; width: number; height: number };
  sourceGuid?: string;
  targetGuid?: string;
}

/** Borders and lines of every drawing surface (`DrawingSurfaceList/DrawingSurfaceModel`). */
export function readItems(model: Raw): Tm7Item[] {
  const items: Tm7Item[] = [];
  for (const surface of model.get('DrawingSurfaceList').get('DrawingSurfaceModel').items()) {
    for (const list of ['Borders', 'Lines']) {
      for (const kv of surface.get(list).get('KeyValueOfguidanyType').items())
        items.push(readItem(kv.get('Value').object()));
    }
  }
  return items;
}

function readItem(v: Raw): Tm7Item {
  const num = (key: string) => {
    const text = v.get(key).optStr();
    const n = text === undefined ? NaN : Number(text);
    return Number.isFinite(n) ? n : undefined;
  };
  const [left, top, width, height] = ['Left', 'Top', 'Width', 'Height'].map(num);
  return {
    raw: v,
    guid: v.get('Guid').str(),
    generic: v.get('GenericTypeId').str(),
    typeId: v.get('TypeId').optStr() ?? '',
    props: readProperties(v.get('Properties')),
    rect:
      left !== undefined && top !== undefined && width !== undefined && height !== undefined
        ? { left, top, width, height }
        : undefined,
    sourceGuid: v.get('SourceGuid').optStr(),
    targetGuid: v.get('TargetGuid').optStr(),
  };
}

/**
 * `Properties/anyType` display attributes: string and boolean values by display name; a list
 * attribute gives its selected entry. Headers (no value) are skipped.
 */
function readProperties(props: Raw): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const attr of props.get('anyType').items()) {
    const name = attr.get('DisplayName').optStr();
    const value = attr.get('Value');
    if (name === undefined || !value.present) continue;
    const kind = attr.get('@_type').optStr() ?? '';
    if (kind.endsWith('ListDisplayAttribute')) {
      const options = value.get('string').strings() ?? [];
      const selected = Number(attr.get('SelectedIndex').optStr() ?? '0');
      if (options[selected] !== undefined) out[name] = options[selected];
      continue;
    }
    const text = typeof value.value === 'string' ? value.value : value.get('#text').optStr();
    if (text === undefined) continue;
    out[name] = kind.endsWith('BooleanDisplayAttribute') ? text === 'true' : text;
  }
  return out;
}

export function inside(inner: NonNullable<Tm7Item['rect']>, outer: NonNullable<Tm7Item['rect']>): boolean {
  return (
    inner.left >= outer.left &&
    inner.top >= outer.top &&
    inner.left + inner.width <= outer.left + outer.width &&
    inner.top + inner.height <= outer.top + outer.height
  );
}
