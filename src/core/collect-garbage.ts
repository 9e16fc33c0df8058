import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// V8 lets the old generation grow to about four times what survives a collection before it
// collects again. A long ingest promotes every batch it holds (each lives across awaits), so
// the heap would swing by a hundred megabytes and more; a full collection at known points
// keeps the peak flat for the price of a few tens of milliseconds each (the live heap is
// small). The function is V8's own `gc`, reached the way test runners reach it.
// Reached on first use, so that commands which never collect pay nothing at start-up.
let gc: (() => void) | undefined;

/** Runs a full garbage collection now. */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
