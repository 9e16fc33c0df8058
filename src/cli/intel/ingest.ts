import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../../core/errors.ts';
import { assertReliability, ingestLocation } from '../../intel/ingest/ingest.ts';
import type { IngestResult } from '../../intel/ingest/result.ts';
import { detectFormat } from '../../intel/sources/index.ts';
import type { IngestFormat } from '../../intel/source.ts';
import { isTlp } from '../../stix/markings.ts';
import { printJson, printLines } from '../output.ts';
import { createProgress } from '../progress.ts';
import { withStore } from '../with-store.ts';

interface IngestFlags {
  format: 'auto' | IngestFormat;
  source?: string;
  reliability?: string;
  tlp?: string;
  strict?: boolean;
  json?: boolean;
}

function summary(r: IngestResult): string[] {
  const c = r.counts;
  const lines = [
    `${r.source} (${r.format}): ${c.received} received, ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected in ${r.seconds}s`,
  ];
  for (const x of r.rejected.slice(0, 20)) {
    const where = x.line !== undefined ? `line ${x.line}` : `#${x.index}`;
    lines.push(`  rejected ${where} ${x.path}${x.id ? ` (${x.id})` : ''}: ${x.message}`);
  }
  if (r.counts.rejected > 20) lines.push(`  … and ${r.counts.rejected - 20} more (use --json for the list)`);
  return lines;
}

export function registerIngestCommand(intel: Command): void {
  intel
    .command('ingest')
    .description('ingest a STIX bundle, CSV/TSV list, MISP feed or free text from a file, URL or stdin (-)')
    .argument('<input>', 'file path, directory, URL, or - for stdin')
    .addOption(
      new Option('--format <format>', 'input format')
        .choices(['auto', 'stix', 'csv', 'text', 'misp', 'kev', 'epss', 'cve', 'cwe'])
        .default('auto'),
    )
    .option('--source <name>', 'source name for provenance (default: the input file name)')
    .option('--reliability <A-F>', 'source reliability on the Admiralty scale')
    .addOption(
      new Option('--tlp <tlp>', 'TLP of what this source reports').choices([
        'clear',
        'green',
        'amber',
        'amber+strict',
        'red',
      ]),
    )
    .option('--strict', 'write nothing when any object is rejected')
    .option('--json', 'print the result as JSON')
    .action(async (input: string, flags: IngestFlags, cmd: Command) => {
      const reliability = flags.reliability === undefined ? undefined : assertReliability(flags.reliability);
      const tlp = flags.tlp;
      if (tlp !== undefined && !isTlp(tlp)) throw new AppError('USAGE', `unknown TLP ${tlp}`);
      const format = flags.format === 'auto' ? await detectFormat(input) : flags.format;
      const progress = flags.json ? undefined : createProgress(`ingest ${basename(input)}`);
      const { result } = await withStore(cmd, (store) =>
        ingestLocation({
          store,
          location: input,
          format,
          sourceName: flags.source ?? (input === '-' ? 'stdin' : basename(input)),
          ...(reliability ? { reliability } : {}),
          ...(tlp ? { tlp } : {}),
          strict: flags.strict === true,
          ...(progress ? { onProgress: progress.update } : {}),
        }),
      );
      progress?.stop();
      if (flags.json) printJson(result);
      else printLines(summary(result));
      if (result.counts.rejected > 0) process.exitCode = 1;
    });
}
