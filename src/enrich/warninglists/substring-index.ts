/**
 * Aho–Corasick over the entries of every substring list: one pass over a value finds every
 * entry it contains, whatever the number of entries. Transitions are kept as sorted child
 * arrays per node (compressed rows), failure links as in the textbook automaton.
 */
export interface SubstringIndex {
  childStart: Int32Array;
  childCode: Uint16Array;
  childNode: Int32Array;
  fail: Int32Array;
  /** Nearest node on the failure chain (itself included) ending an entry, or -1. */
  out: Int32Array;
  /** Node → list ids of the entry ending there. */
  lists: (number[] | undefined)[];
  /** The root's transitions on ASCII, where most steps of a scan start over. */
  root: Int32Array;
}

export function buildSubstringIndex(entries: { text: string; list: number }[]): SubstringIndex {
  const children = [new Map<number, number>()];
  const lists: (number[] | undefined)[] = [undefined];
  for (const { text, list } of entries) {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = children[node]!.get(c);
      if (next === undefined) {
        next = children.push(new Map()) - 1;
        lists.push(undefined);
        children[node]!.set(c, next);
      }
      node = next;
    }
    const l = (lists[node] ??= []);
    if (!l.includes(list)) l.push(list);
  }
  const n = children.length;
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) childStart[i + 1] = childStart[i]! + children[i]!.size;
  const childCode = new Uint16Array(childStart[n]!);
  const childNode = new Int32Array(childStart[n]!);
  for (let i = 0; i < n; i++) {
    [...children[i]!]
      .sort((a, b) => a[0] - b[0])
      .forEach(([c, node], k) => {
        childCode[childStart[i]! + k] = c;
        childNode[childStart[i]! + k] = node;
      });
  }
  const index: SubstringIndex = {
    childStart,
    childCode,
    childNode,
    fail: new Int32Array(n),
    out: new Int32Array(n).fill(-1),
    lists,
    root: new Int32Array(128),
  };
  for (const [c, node] of children[0]!) if (c < 128) index.root[c] = node;
  // Breadth-first, so a node's failure target is final before its children need it.
  const queue = [0];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    const f = index.fail[node]!;
    index.out[node] = lists[node] ? node : node === 0 ? -1 : index.out[f]!;
    for (let k = childStart[node]!; k < childStart[node + 1]!; k++) {
      const child = childNode[k]!;
      index.fail[child] = node === 0 ? 0 : step(index, f, childCode[k]!);
      queue.push(child);
    }
  }
  return index;
}

function childOf(ix: SubstringIndex, node: number, c: number): number {
  let lo = ix.childStart[node]!;
  let hi = ix.childStart[node + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const code = ix.childCode[mid]!;
    if (code === c) return ix.childNode[mid]!;
    if (code < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function step(ix: SubstringIndex, node: number, c: number): number {
  if (node === 0 && c < 128) return ix.root[c]!;
  for (;;) {
    const next = childOf(ix, node, c);
    if (next >= 0) return next;
    if (node === 0) return 0;
    node = ix.fail[node]!;
  }
}

/** Calls `hit` with the list ids of every entry found in `value`. */
export function eachSubstringHit(ix: SubstringIndex, value: string, hit: (lists: number[]) => void): void {
  let node = 0;
  for (let i = 0; i < value.length; i++) {
    node = step(ix, node, value.charCodeAt(i));
    for (let o = ix.out[node]!; o > 0; o = ix.out[ix.fail[o]!]!) hit(ix.lists[o]!);
  }
}
