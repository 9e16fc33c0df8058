import { z } from 'zod';
import { idType, isStixTypeName } from '../identifier.ts';
import { all, CREATED_MODIFIED, ordered } from './common.ts';
import { list, ref, specVersion, strings, timestamp } from './primitives.ts';
import { externalReference, extensions, granularMarking } from './structures.ts';

/**
 * A custom object (§11.1) or an object of a type this module does not know: only the common
 * properties it carries are checked, none is required beyond `type` and `id`, since a custom
 * SCO has no `created` and a custom SDO does. Also the common shape behind `StixObject`.
 */
export const customObjectSchema = z
  .looseObject({
    type: z.string().refine(isStixTypeName, {
      message: 'must be a type name of 3–250 characters: a–z, 0–9 and single hyphens',
    }),
    id: ref(),
    spec_version: specVersion.optional(),
    created_by_ref: ref().optional(),
    created: timestamp.optional(),
    modified: timestamp.optional(),
    revoked: z.boolean().optional(),
    labels: strings.optional(),
    confidence: z.int().min(0).max(100).optional(),
    lang: z.string().optional(),
    external_references: list(externalReference).optional(),
    object_marking_refs: list(ref({ only: ['marking-definition'] })).optional(),
    granular_markings: list(granularMarking).optional(),
    extensions: extensions.optional(),
  })
  .superRefine(
    all(ordered([CREATED_MODIFIED]), (o, ctx) => {
      if (idType(o.id as string) !== o.type) {
        ctx.addIssue({
          code: 'custom',
          path: ['id'],
          message: `must be an identifier ${String(o.type)}--<uuid>`,
        });
      }
    }),
  );
