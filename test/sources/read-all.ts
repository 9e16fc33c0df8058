import { DEFAULT_LIMITS, type Limits } from '../../src/core/limits.ts';
import type {
  ObservableRecord,
  RejectRecord,
  Source,
  SourceRecord,
  StixRecord,
} from '../../src/intel/source.ts';

export interface Collected {
  all: SourceRecord[];
  observables: ObservableRecord[];
  rejects: RejectRecord[];
  stix: StixRecord[];
}

/** Runs a source to the end and sorts its records by kind. */
export async function collect(
  source: Source,
  location: string,
  limits: Limits = DEFAULT_LIMITS,
): Promise<Collected> {
  const all: SourceRecord[] = [];
  for await (const r of source.read({ location, limits })) all.push(r);
  return {
    all,
    observables: all.filter((r): r is ObservableRecord => r.kind === 'observable'),
    rejects: all.filter((r): r is RejectRecord => r.kind === 'reject'),
    stix: all.filter((r): r is StixRecord => r.kind === 'stix'),
  };
}
