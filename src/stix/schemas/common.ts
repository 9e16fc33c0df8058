import { z } from 'zod';
import { compareTimestamps, isTimestamp } from '../timestamp.ts';
import { list, ref, specVersion, stixIdOf, strings, timestamp } from './primitives.ts';
import { externalReference, extensions, granularMarking } from './structures.ts';

const markingRefs = list(ref({ only: ['marking-definition'] }));

/** Common properties of SDOs, SROs and the meta objects that carry them (§3.2). */
export function sdoCommon<T extends string>(type: T) {
  return {
    type: z.literal(type),
    spec_version: specVersion,
    id: stixIdOf(type),
    created_by_ref: ref().optional(),
    created: timestamp,
    modified: timestamp,
    revoked: z.boolean().optional(),
    labels: strings.optional(),
    confidence: z.int().min(0).max(100).optional(),
    lang: z.string().optional(),
    external_references: list(externalReference).optional(),
    object_marking_refs: markingRefs.optional(),
    granular_markings: list(granularMarking).optional(),
    extensions: extensions.optional(),
  };
}

/** Common properties of SCOs (§6.1): no created/modified; spec_version optional. */
export function scoCommon<T extends string>(type: T) {
  return {
    type: z.literal(type),
    spec_version: specVersion.optional(),
    id: stixIdOf(type),
    object_marking_refs: markingRefs.optional(),
    granular_markings: list(granularMarking).optional(),
    defanged: z.boolean().optional(),
    extensions: extensions.optional(),
  };
}

type Ctx = z.RefinementCtx;
type Props = Record<string, unknown>;

/**
 * Checks `later >= earlier` (or `>` when strict) for each pair present, e.g. `modified`
 * against `created` (§3.2) or `valid_until` against `valid_from` (§4.7).
 */
export function ordered(pairs: readonly (readonly [earlier: string, later: string, strict?: boolean])[]) {
  return (o: Props, ctx: Ctx): void => {
    for (const [earlier, later, strict] of pairs) {
      const a = o[earlier];
      const b = o[later];
      if (!isTimestamp(a) || !isTimestamp(b)) continue;
      const cmp = compareTimestamps(b, a);
      if (cmp < 0 || (strict && cmp === 0)) {
        const relation = strict ? 'later than' : 'equal to or later than';
        ctx.addIssue({ code: 'custom', path: [later], message: `must be ${relation} ${earlier} (${a})` });
      }
    }
  };
}

/** At least one of the named properties must be present (the JSON schemas' `anyOf required`). */
export function anyOf(names: readonly string[]) {
  return (o: Props, ctx: Ctx): void => {
    if (!names.some((n) => o[n] !== undefined)) {
      ctx.addIssue({ code: 'custom', message: `needs at least one of ${names.join(', ')}` });
    }
  };
}

/** The two properties must not both be present. */
export function notBoth(a: string, b: string) {
  return (o: Props, ctx: Ctx): void => {
    if (o[a] !== undefined && o[b] !== undefined) {
      ctx.addIssue({ code: 'custom', path: [b], message: `must not be present together with ${a}` });
    }
  };
}

/** Runs several object-level checks in order. */
export function all(...checks: ((o: Props, ctx: Ctx) => void)[]) {
  return (o: Props, ctx: Ctx): void => {
    for (const check of checks) check(o, ctx);
  };
}

export const CREATED_MODIFIED = ['created', 'modified'] as const;
