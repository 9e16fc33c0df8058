import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../core/errors.ts';
import { DEFAULT_LIMITS } from '../core/limits.ts';
import {
  addTechnologies,
  getOrgProfile,
  sbomTechnologies,
  setOrgProfile,
  type OrgProfile,
  type OrgProfileUpdate,
} from '../intel/knowledge/index.ts';
import { printJson, printLines } from './output.ts';
import { withStore } from './with-store.ts';

interface SetFlags {
  sectors?: string;
  countries?: string;
  regions?: string;
  technologies?: string;
  json?: boolean;
}

function list(v: string | undefined): string[] | undefined {
  return v === undefined
    ? undefined
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
}

function lines(p: OrgProfile): string[] {
  const show = (xs: string[]) => (xs.length > 0 ? xs.join(', ') : '(none)');
  return [
    `sectors:      ${show(p.sectors)}`,
    `countries:    ${show(p.countries)}`,
    `regions:      ${show(p.regions)}`,
    `technologies: ${p.technologies.length}`,
    ...p.technologies.slice(0, 50).map((t) => `  ${t}`),
    ...(p.technologies.length > 50 ? [`  … and ${p.technologies.length - 50} more (use --json)`] : []),
  ];
}

function registerSet(org: Command): void {
  org
    .command('set')
    .description('set parts of the profile (each given option replaces that part)')
    .option('--sectors <list>', 'comma-separated STIX industry sectors, e.g. financial-services,insurance')
    .option('--countries <list>', 'comma-separated ISO 3166-1 alpha-2 codes, e.g. US,DE')
    .option('--regions <list>', 'comma-separated STIX regions, e.g. western-europe')
    .option('--technologies <list>', 'comma-separated CPE 2.3 names or purls')
    .option('--json', 'print the profile as JSON')
    .action(async (flags: SetFlags, cmd: Command) => {
      const update: OrgProfileUpdate = {};
      for (const key of ['sectors', 'countries', 'regions', 'technologies'] as const) {
        const values = list(flags[key]);
        if (values) update[key] = values;
      }
      if (Object.keys(update).length === 0)
        throw new AppError('USAGE', 'give at least one of --sectors, --countries, --regions, --technologies');
      const profile = await withStore(cmd, (store) => setOrgProfile(store, update));
      if (flags.json) printJson(profile);
      else printLines(lines(profile));
    });
}

function registerImportSbom(org: Command): void {
  org
    .command('import-sbom')
    .description("add the purls and CPEs of a CycloneDX JSON SBOM's components to the technologies")
    .argument('<file>', 'CycloneDX JSON file')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: { json?: boolean }, cmd: Command) => {
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) throw new AppError('NOT_FOUND', `no such file: ${file}`, { file });
      if (info.size > DEFAULT_LIMITS.maxDocumentBytes)
        throw new AppError('LIMIT_EXCEEDED', `larger than ${DEFAULT_LIMITS.maxDocumentBytes} bytes`, {
          file,
        });
      const sbom = sbomTechnologies(await readFile(file, 'utf8'), {
        file: basename(file),
        limits: DEFAULT_LIMITS,
      });
      const added = await withStore(cmd, (store) => addTechnologies(store, sbom.technologies));
      const result = { components: sbom.components, technologies: sbom.technologies.length, added };
      if (flags.json) printJson(result);
      else
        printLines([
          `${result.components} components with a purl or CPE, ${result.technologies} distinct, ${added} new`,
        ]);
    });
}

/** `threatloom org show | set | import-sbom`: the organization profile. */
export function registerOrgCommands(program: Command): void {
  const org = program
    .command('org')
    .description('the organization profile: sectors, countries, regions, technologies');
  org
    .command('show')
    .description('print the profile')
    .option('--json', 'print the profile as JSON')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const profile = await withStore(cmd, (store) => getOrgProfile(store));
      if (flags.json) printJson(profile);
      else printLines(lines(profile));
    });
  registerSet(org);
  registerImportSbom(org);
}
