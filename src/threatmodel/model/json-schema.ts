import { z } from 'zod';
import { ModelSchema } from './schema.ts';

/** The JSON Schema of the model document as written (defaults optional), for editor completion. */
export function modelJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ModelSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://threatloom.dev/schema/model-1.json',
    title: 'Threatloom threat model',
  };
}
