import type { Command } from 'commander';
import { modelJsonSchema } from '../../threatmodel/model/json-schema.ts';
import { printJson } from '../output.ts';

/** `model schema`: the JSON Schema of the model document, for editor completion and validation. */
export function registerSchemaCommand(model: Command): void {
  model
    .command('schema')
    .description('print the JSON Schema of the model document')
    .action(() => printJson(modelJsonSchema()));
}
