import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corporaPresent, corpus } from '../corpora.ts';

export type ExampleFormat = 'otm' | 'threat-dragon' | 'threagile' | 'tm7';

/**
 * Files under threat-models that are not models in a format we import, each with the reason.
 * Everything else found there is an example model and must import.
 */
const NOT_MODELS: [RegExp, string][] = [
  [/schema(\.json|s\/)|otm_schema\.json$/, 'JSON Schema of a format'],
  [/service\/threats\/models\//, 'Threat Dragon threat-type lists'],
  [/\.cdx\.json$|tmbom|test-threat-model\.json$|mockTd/, 'OWASP TM-BOM / CycloneDX, not one of our formats'],
  [/test-template\.json$/, 'Threat Dragon template wrapper'],
  [/malformed/, 'deliberately malformed fixture (tested as hostile input)'],
  [
    /threagile\/test\/(?!main\.yaml|all\.yaml)[^/]+\.yaml$/,
    'Threagile include fragment (read through main.yaml)',
  ],
  [
    /threagile\/test\/(parsed-model\.(json|yaml)|all\.json)$/,
    "Threagile's parsed output, not its input format",
  ],
  [/threagile\/pkg\/types\/technologies\.yaml$/, 'Threagile technology catalogue'],
  [
    /OpenThreatModel\/EXAMPLE\.yaml$/,
    'not valid YAML 1.2 (tested separately; EXAMPLE.json is the same model)',
  ],
];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? walk(join(dir, d.name))
      : /\.(json|otm|ya?ml|tm7)$/.test(d.name)
        ? [join(dir, d.name)]
        : [],
  );
}

export interface ExampleModel {
  file: string;
  name: string;
  format: ExampleFormat;
}

function formatOf(name: string, head: string): ExampleFormat {
  if (name.endsWith('.tm7')) return 'tm7';
  if (name.startsWith('threagile/')) return 'threagile';
  return /otmVersion/.test(head) ? 'otm' : 'threat-dragon';
}

export function exampleModels(readHead: (file: string) => string): ExampleModel[] {
  if (!corporaPresent) return [];
  const root = corpus('threat-models');
  return walk(root)
    .map((file) => ({ file, name: relative(root, file) }))
    .filter(({ name }) => !NOT_MODELS.some(([pattern]) => pattern.test(name)))
    .map(({ file, name }) => ({ file, name, format: formatOf(name, readHead(file)) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
