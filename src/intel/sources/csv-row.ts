import { parseObservable, type ObservableKind } from '../../observables/index.ts';
import type { ObservableRecord, SourceRecord } from '../source.ts';
import type { Layout } from './csv-columns.ts';
import { kindOfCell, toConfidence, toTimestamp } from './csv-values.ts';

export interface RowContext {
  source: string;
  line: number;
}

type RowMeta = Pick<ObservableRecord, 'labels' | 'description' | 'confidence' | 'firstSeen' | 'lastSeen'>;

function rowMeta(cells: readonly string[], roles: Layout['roles']): RowMeta {
  const meta: RowMeta = {};
  roles?.forEach((role, i) => {
    const cell = cells[i];
    if (!cell) return;
    if (role === 'labels')
      meta.labels = [
        ...(meta.labels ?? []),
        ...cell
          .split(/[,;|]/)
          .map((l) => l.trim())
          .filter(Boolean),
      ];
    else if (role === 'description')
      meta.description = meta.description ? `${meta.description}\n${cell}` : cell;
    else if (role === 'confidence') meta.confidence = toConfidence(cell);
    else if (role === 'first_seen') meta.firstSeen = toTimestamp(cell);
    else if (role === 'last_seen') meta.lastSeen = toTimestamp(cell);
  });
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined));
}

/**
 * The records of one row. With a column mapping, each non-empty value cell must parse as its
 * kind (else the row gives a reject naming the column); without one, every cell that parses
 * as an observable is a value, and a row with none is rejected.
 */
export function rowRecords(cells: readonly string[], layout: Layout, ctx: RowContext): SourceRecord[] {
  const { roles } = layout;
  const kindCell = roles ? cells[roles.indexOf('kind')] : undefined;
  const fromKindCell = kindCell ? kindOfCell(kindCell) : undefined;
  const meta = rowMeta(cells, roles);
  const out: SourceRecord[] = [];
  cells.forEach((raw, i) => {
    if (roles && roles[i] !== 'value') return;
    const path = `${ctx.source}:col ${i + 1}`;
    const value = fromKindCell?.stripPort ? raw.replace(/:\d{1,5}$/, '') : raw;
    if (value === '') return;
    const kind: ObservableKind | undefined = layout.kinds[i] ?? fromKindCell?.kind ?? layout.defaultKind;
    const parsed = parseObservable(value, kind);
    if (parsed)
      out.push({
        kind: 'observable',
        value,
        observableKind: parsed.kind,
        ...meta,
        location: { line: ctx.line, path },
      });
    else if (roles) {
      out.push({
        kind: 'reject',
        message: `"${value.slice(0, 200)}" is not a valid ${kind ?? 'observable'}`,
        location: { line: ctx.line, path },
      });
    }
  });
  if (out.length === 0 && cells.some((c) => c !== '')) {
    out.push({
      kind: 'reject',
      message: 'no observable found in the row',
      location: { line: ctx.line, path: `${ctx.source}:${ctx.line}` },
    });
  }
  return out;
}
