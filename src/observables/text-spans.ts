/** True when some [marks[2k], marks[2k+1]) overlaps [start, end); `marks` is sorted. */
export function overlapsMark(marks: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = marks.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[2 * mid + 1]! <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < marks.length / 2 && marks[2 * lo]! < end;
}

/**
 * Disjoint spans of text already taken by a URL or an e-mail, queried in increasing order of
 * position with a moving cursor.
 */
export class TakenSpans {
  private readonly spans: [number, number][] = [];
  private cursor = 0;

  add(start: number, end: number): void {
    this.spans.push([start, end]);
  }

  /** Call once all spans are added, before querying. */
  seal(): void {
    this.spans.sort((a, b) => a[0] - b[0]);
    this.cursor = 0;
  }

  /** Whether [start, end) overlaps a span; `start` must not decrease between calls. */
  overlaps(start: number, end: number): boolean {
    while (this.cursor < this.spans.length && this.spans[this.cursor]![1] <= start) this.cursor++;
    const s = this.spans[this.cursor];
    return s !== undefined && s[0] < end;
  }
}
