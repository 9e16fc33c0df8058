import type { View } from '../conditions/evaluate.ts';
import type { Asset, DataFlow, ThreatModel } from '../model/schema.ts';
import { assetView, elementView, flowView, modelView } from './views.ts';

export interface Edge {
  flow: View;
  /** The element at the other end. */
  peer: string;
}

/**
 * The model indexed once per analysis: views, adjacency (bidirectional flows both ways),
 * boundary membership and lazily cached reachability, so that relation functions run in
 * O(1) or O(degree) per call.
 */
export class ModelGraph {
  readonly elements = new Map<string, View>();
  readonly flows = new Map<string, View>();
  readonly assets = new Map<string, View>();
  readonly flowEnds = new Map<string, DataFlow>();
  /** The rated assets each element or flow processes, stores or carries (known ids only). */
  readonly #touched = new Map<string, Asset[]>();
  readonly model: View;
  readonly #out = new Map<string, Edge[]>();
  readonly #in = new Map<string, Edge[]>();
  /** Innermost boundary of each element ('' when in none). */
  readonly #zone = new Map<string, string>();
  /** Every boundary enclosing each element, innermost first. */
  readonly #zones = new Map<string, string[]>();
  readonly #boundaryType = new Map<string, string>();
  readonly #zoneTypeCounts = new Map<string, Map<string, number>>();
  readonly #zoneSizes = new Map<string, number>();
  readonly #modelNames = new Set<string>();
  readonly #usedAssets = new Set<string>();
  readonly #storeReach = new Map<string, Set<string>>();
  #internet: Set<string> | undefined;

  constructor(model: ThreatModel) {
    const assets = new Map<string, Asset>(model.assets.map((a) => [a.id, a]));
    this.model = modelView(model);
    for (const a of model.assets) this.assets.set(a.id, assetView(a));
    const known = (ids: readonly string[]) => [...new Set(ids)].flatMap((id) => assets.get(id) ?? []);
    for (const e of model.elements) {
      this.elements.set(e.id, elementView(e, assets));
      const ids = [...(e.assetsProcessed ?? []), ...(e.assetsStored ?? [])];
      for (const id of ids) this.#usedAssets.add(id);
      this.#touched.set(`e:${e.id}`, known(ids));
    }
    for (const f of model.dataFlows) {
      this.#addFlow(f, flowView(f, assets));
      this.#touched.set(`f:${f.id}`, known(f.assets ?? []));
    }
    for (const a of model.assets) this.#touched.set(`a:${a.id}`, [a]);
    this.#indexBoundaries(model);
  }

  /** The rated assets an element, flow or asset target touches. */
  assetsOf(kind: 'element' | 'flow' | 'asset', id: string): readonly Asset[] {
    return this.#touched.get(`${kind[0]}:${id}`) ?? [];
  }

  outgoing(id: string): readonly Edge[] {
    return this.#out.get(id) ?? [];
  }

  incoming(id: string): readonly Edge[] {
    return this.#in.get(id) ?? [];
  }

  zoneOf(id: string): string {
    return this.#zone.get(id) ?? '';
  }

  boundaryTypesOf(id: string): string[] {
    return (this.#zones.get(id) ?? []).map((b) => this.#boundaryType.get(b) ?? 'other');
  }

  /** Boundaries entered or left by a flow: enclosing one end but not the other. */
  crossedBoundaries(flowId: string): string[] {
    const f = this.flowEnds.get(flowId);
    if (!f) return [];
    const a = this.#zones.get(f.source) ?? [];
    const b = this.#zones.get(f.destination) ?? [];
    return [...a.filter((x) => !b.includes(x)), ...b.filter((x) => !a.includes(x))];
  }

  boundaryType(id: string): string {
    return this.#boundaryType.get(id) ?? 'other';
  }

  isType(view: View, names: readonly unknown[]): boolean {
    return names.some((n) => n === view.kind || n === view.type);
  }

  modelHas(name: string): boolean {
    return this.#modelNames.has(name);
  }

  assetUsed(id: string): boolean {
    return this.#usedAssets.has(id);
  }

  /** Elements in the same innermost boundary (other than `id`) whose kind or type is `name`. */
  coLocatedCount(id: string, name: string): number {
    const view = this.elements.get(id);
    const count = this.#zoneTypeCounts.get(this.zoneOf(id))?.get(name) ?? 0;
    return count - (view && this.isType(view, [name]) ? 1 : 0);
  }

  zoneSize(id: string): number {
    return this.#zoneSizes.get(this.zoneOf(id)) ?? 0;
  }

  /** Elements reached by flows from the internet: those in an internet boundary, or internet-facing. */
  reachableFromInternet(id: string): boolean {
    this.#internet ??= this.#walk(
      [...this.elements.values()]
        .filter((e) => e.internetFacing === true || this.boundaryTypesOf(e.id).includes('internet'))
        .map((e) => e.id),
      (n) => this.outgoing(n),
    );
    return this.#internet.has(id);
  }

  /** Whether flows lead from `id` to a data store handling any of `categories` (the store itself counts). */
  reachesStoreWith(id: string, categories: readonly string[]): boolean {
    const key = [...categories].sort().join('\0');
    let reach = this.#storeReach.get(key);
    if (!reach) {
      const stores = [...this.elements.values()].filter(
        (e) => e.kind === 'datastore' && (e.data as string[]).some((d) => categories.includes(d)),
      );
      reach = this.#walk(
        stores.map((s) => s.id),
        (n) => this.incoming(n),
      );
      this.#storeReach.set(key, reach);
    }
    return reach.has(id);
  }

  #walk(starts: string[], next: (id: string) => readonly Edge[]): Set<string> {
    const seen = new Set(starts);
    const queue = [...starts];
    for (let i = 0; i < queue.length; i++) {
      for (const edge of next(queue[i]!)) {
        if (!seen.has(edge.peer)) {
          seen.add(edge.peer);
          queue.push(edge.peer);
        }
      }
    }
    return seen;
  }

  #addFlow(f: DataFlow, view: View): void {
    this.flows.set(f.id, view);
    this.flowEnds.set(f.id, f);
    for (const id of f.assets ?? []) this.#usedAssets.add(id);
    const link = (map: Map<string, Edge[]>, at: string, peer: string) => {
      const list = map.get(at);
      if (list) list.push({ flow: view, peer });
      else map.set(at, [{ flow: view, peer }]);
    };
    link(this.#out, f.source, f.destination);
    link(this.#in, f.destination, f.source);
    if (f.bidirectional) {
      link(this.#out, f.destination, f.source);
      link(this.#in, f.source, f.destination);
    }
  }

  #indexBoundaries(model: ThreatModel): void {
    const parent = new Map(model.trustBoundaries.map((b) => [b.id, b.parent]));
    const chain = (id: string): string[] => {
      const out: string[] = [];
      for (let b: string | undefined = id; b !== undefined && !out.includes(b); b = parent.get(b))
        out.push(b);
      return out;
    };
    for (const b of model.trustBoundaries) {
      this.#boundaryType.set(b.id, b.type);
      for (const e of b.elements) {
        const candidate = chain(b.id);
        if (candidate.length > (this.#zones.get(e)?.length ?? 0)) this.#zones.set(e, candidate);
      }
    }
    for (const [id, view] of this.elements) {
      const zone = this.#zones.get(id)?.[0] ?? '';
      this.#zone.set(id, zone);
      this.#zoneSizes.set(zone, (this.#zoneSizes.get(zone) ?? 0) + 1);
      const counts = this.#zoneTypeCounts.get(zone) ?? new Map<string, number>();
      this.#zoneTypeCounts.set(zone, counts);
      const names = new Set(
        [view.kind, view.type].filter((n): n is string => typeof n === 'string' && n !== ''),
      );
      for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
      if (view.outOfScope !== true) {
        for (const n of [...names, ...(view.technologies as string[])]) this.#modelNames.add(n);
      }
    }
  }
}
