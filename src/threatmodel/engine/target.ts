import type { ConditionContext, Value, View } from '../conditions/evaluate.ts';
import type { ModelGraph } from './graph.ts';
import { callRelation } from './relations.ts';

export type TargetKind = 'element' | 'flow' | 'asset';

export interface Target {
  kind: TargetKind;
  view: View;
}

/** The condition context of one rule target: its roots and the graph's relation functions. */
export class TargetContext implements ConditionContext {
  readonly #graph: ModelGraph;
  #target: Target;

  constructor(graph: ModelGraph, target: Target) {
    this.#graph = graph;
    this.#target = target;
  }

  /** Re-points the context at another target, so one context serves a whole rule pass. */
  reset(target: Target): this {
    this.#target = target;
    return this;
  }

  root(name: string): View | undefined {
    const { kind, view } = this.#target;
    switch (name) {
      case 'element':
        return kind === 'element' ? view : undefined;
      case 'flow':
        return kind === 'flow' ? view : undefined;
      case 'asset':
        return kind === 'asset' ? view : undefined;
      case 'source':
      case 'destination': {
        const ends = kind === 'flow' ? this.#graph.flowEnds.get(view.id) : undefined;
        return ends ? this.#graph.elements.get(ends[name]) : undefined;
      }
      case 'model':
        return this.#graph.model;
      default:
        return undefined;
    }
  }

  call(name: string, subject: View | undefined, args: Value[]): Value {
    const view = subject ?? this.#target.view;
    const kind = subject
      ? this.#graph.flows.get(subject.id) === subject
        ? 'flow'
        : 'element'
      : this.#target.kind;
    return callRelation(this.#graph, { kind, view }, name, args);
  }
}
