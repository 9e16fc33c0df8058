import { overlapsMark } from './text-spans.ts';
import type { Observable } from './types.ts';

/** The refanged text being scanned and the observables found in it, with their positions. */
export class TextContext {
  readonly found: { pos: number; obs: Observable }[] = [];

  constructor(
    readonly t: string,
    private readonly marks: readonly number[],
  ) {}

  /** Whether t[start, end) holds text that was defanged. */
  defanged(start: number, end: number): boolean {
    return overlapsMark(this.marks, start, end);
  }

  emit(start: number, end: number, obs: Observable): void {
    if (this.defanged(start, end) && !obs.flags.includes('defanged')) obs.flags.push('defanged');
    this.found.push({ pos: start, obs });
  }

  /** Unique observables (by kind and value) in order of first appearance. */
  unique(): Observable[] {
    const seen = new Set<string>();
    const out: Observable[] = [];
    for (const { obs } of this.found.sort((a, b) => a.pos - b.pos)) {
      const key = `${obs.kind} ${obs.value}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(obs);
      }
    }
    return out;
  }
}
