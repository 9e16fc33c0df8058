import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { Limits } from '../../core/limits.ts';
import { parseJsonSafe } from '../../stix/safe-json.ts';
import { isCpe } from './cpe.ts';
import { isPurl } from './purl.ts';

interface Component {
  name?: string;
  purl?: string;
  cpe?: string;
  components?: Component[];
}

/** The parts of a CycloneDX component read (CycloneDX 1.2–1.6 JSON): identifiers and nesting. */
const componentSchema: z.ZodType<Component> = z.lazy(() =>
  z.looseObject({
    name: z.string().optional(),
    purl: z.string().optional(),
    cpe: z.string().optional(),
    components: z.array(componentSchema).optional(),
  }),
);

const bomSchema = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  components: z.array(componentSchema).optional(),
});

export interface SbomTechnologies {
  /** Components (nested ones included) that carry a purl or a CPE. */
  components: number;
  /** Their distinct purls and CPEs. */
  technologies: string[];
}

/**
 * The purls and CPEs of a CycloneDX JSON SBOM's components, nested ones included (the
 * `metadata.component`, the product the SBOM describes, is not one of its technologies).
 */
export function sbomTechnologies(text: string, opts: { file: string; limits: Limits }): SbomTechnologies {
  if (Buffer.byteLength(text) > opts.limits.maxDocumentBytes)
    throw new AppError('LIMIT_EXCEEDED', `larger than ${opts.limits.maxDocumentBytes} bytes`, {
      file: opts.file,
    });
  const parsed = bomSchema.safeParse(
    parseJsonSafe(text.replace(/^\uFEFF/, ''), { limits: opts.limits, file: opts.file }),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    throw new AppError('INVALID_INPUT', `not a CycloneDX JSON SBOM: ${issue.message}`, {
      file: opts.file,
      path: `$${path}`,
    });
  }
  const found = new Set<string>();
  let components = 0;
  const walk = (list: Component[] | undefined, path: string) => {
    (list ?? []).forEach((c, i) => {
      const at = `${path}[${i}]`;
      const ids = [c.purl, c.cpe].filter((x): x is string => typeof x === 'string' && x.trim() !== '');
      for (const id of ids) {
        if (!isPurl(id) && !isCpe(id))
          throw new AppError(
            'INVALID_INPUT',
            `${JSON.stringify(id.slice(0, 200))} is neither a purl nor a CPE 2.3 name`,
            { file: opts.file, path: at },
          );
        found.add(id.trim());
      }
      if (ids.length > 0) components++;
      walk(c.components, `${at}.components`);
    });
  };
  walk(parsed.data.components, '$.components');
  return { components, technologies: [...found] };
}
