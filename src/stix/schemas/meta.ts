import { z } from 'zod';
import { isTlp, TLP1_MARKING_IDS, TLP2_EXTENSION_ID, TLP2_MARKING_IDS } from '../markings.ts';
import { all, CREATED_MODIFIED, ordered, sdoCommon } from './common.ts';
import { dictionary, list, ref, specVersion, stixIdOf, strings, timestamp } from './primitives.ts';
import { externalReference, extensions, EXTENSION_TYPES, granularMarking } from './structures.ts';

type Props = Record<string, unknown>;
type Ctx = z.RefinementCtx;

const TLP1_BY_ID: ReadonlyMap<string, string> = new Map(
  Object.entries(TLP1_MARKING_IDS).map(([k, v]) => [v, k]),
);
const TLP2_BY_ID: ReadonlyMap<string, string> = new Map(
  Object.entries(TLP2_MARKING_IDS).map(([k, v]) => [v, k]),
);

/** `definition_type` + `definition` unless an extension defines the marking (§7.2.1). */
function checkDefinition(o: Props, ctx: Ctx): void {
  if (o.extensions === undefined) {
    for (const name of ['definition_type', 'definition']) {
      if (o[name] === undefined)
        ctx.addIssue({ code: 'custom', path: [name], message: 'required property is missing' });
    }
  }
  const def = o.definition as Props | undefined;
  if (o.definition_type === 'statement' && typeof def?.statement !== 'string') {
    ctx.addIssue({ code: 'custom', path: ['definition', 'statement'], message: 'must be a string' });
  }
  if (o.definition_type === 'tlp') {
    const level = TLP1_BY_ID.get(o.id as string);
    if (level === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: 'a TLP 1.0 marking must use one of the four predefined ids',
      });
    } else if (def?.tlp !== level) {
      ctx.addIssue({
        code: 'custom',
        path: ['definition', 'tlp'],
        message: `must be "${level}" for this id`,
      });
    }
  }
}

/** The TLP 2.0 extension's level must be one of the five, and agree with a predefined id. */
function checkTlp2(o: Props, ctx: Ctx): void {
  const ext = (o.extensions as Props | undefined)?.[TLP2_EXTENSION_ID] as Props | undefined;
  if (ext === undefined) return;
  const path = ['extensions', TLP2_EXTENSION_ID, 'tlp_2_0'];
  const expected = TLP2_BY_ID.get(o.id as string);
  if (!isTlp(ext.tlp_2_0)) {
    ctx.addIssue({ code: 'custom', path, message: 'must be clear, green, amber, amber+strict or red' });
  } else if (expected !== undefined && ext.tlp_2_0 !== expected) {
    ctx.addIssue({ code: 'custom', path, message: `must be "${expected}" for this id` });
  }
}

/** §7.2: marking definitions have `created` but no `modified`. */
export const markingDefinitionSchema = z
  .looseObject({
    type: z.literal('marking-definition'),
    spec_version: specVersion,
    id: stixIdOf('marking-definition'),
    created_by_ref: ref().optional(),
    created: timestamp,
    name: z.string().optional(),
    external_references: list(externalReference).optional(),
    object_marking_refs: list(ref({ only: ['marking-definition'] })).optional(),
    granular_markings: list(granularMarking).optional(),
    extensions: extensions.optional(),
    definition_type: z.string().optional(),
    definition: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine(all(checkDefinition, checkTlp2));

/** §7.3: `extension_properties` only for toplevel-property-extension. */
export const extensionDefinitionSchema = z
  .looseObject({
    ...sdoCommon('extension-definition'),
    name: z.string(),
    description: z.string().optional(),
    schema: z.string(),
    version: z.string(),
    extension_types: list(z.enum(EXTENSION_TYPES)),
    extension_properties: strings.optional(),
  })
  .superRefine(
    all(ordered([CREATED_MODIFIED]), (o, ctx) => {
      const types = o.extension_types as readonly string[];
      if (o.extension_properties !== undefined && !types.includes('toplevel-property-extension')) {
        ctx.addIssue({
          code: 'custom',
          path: ['extension_properties'],
          message: 'is only allowed with extension type toplevel-property-extension',
        });
      }
    }),
  );

/** §7.1 */
export const languageContentSchema = z
  .looseObject({
    ...sdoCommon('language-content'),
    object_ref: ref({ not: ['bundle', 'language-content'] }),
    object_modified: timestamp.optional(),
    contents: dictionary,
  })
  .superRefine(ordered([CREATED_MODIFIED]));

export type MarkingDefinition = z.infer<typeof markingDefinitionSchema>;
