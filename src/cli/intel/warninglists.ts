import type { Command } from 'commander';
import { loadWarninglists, type LoadWarninglistsResult } from '../../enrich/index.ts';
import { listWarninglists } from '../../store/warninglists-repo.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';

function loadSummary(r: LoadWarninglistsResult): string[] {
  const c = r.counts;
  const lines = [
    `${r.files} list files: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${r.problems.length} problem(s)`,
  ];
  if (r.rescan)
    lines.push(`rescanned ${r.rescan.observables} stored values: ${r.rescan.hits} known-benign hit(s)`);
  for (const p of r.problems) lines.push(`  ${[p.file, p.path].filter(Boolean).join(' ')}: ${p.message}`);
  return lines;
}

export function registerWarninglistsCommands(intel: Command): void {
  const wl = intel.command('warninglists').description('known-benign lists in the MISP warninglist format');
  wl.command('load')
    .description('load every list.json under a folder (e.g. a misp-warninglists checkout) into the store')
    .argument('<dir>', 'folder holding list.json files, or one list.json')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, flags: { json?: boolean }, cmd: Command) => {
      const result = await withStore(cmd, (store) => loadWarninglists({ store, path: dir }));
      if (flags.json) printJson(result);
      else printLines(loadSummary(result));
      if (result.problems.length > 0) process.exitCode = 1;
    });
  wl.command('list')
    .description('the lists in the store')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const lists = await withStore(cmd, (store) => listWarninglists(store));
      if (flags.json) return printJson(lists);
      printLines(
        lists.map(
          (l) =>
            `${l.name} [${l.type}, ${l.category}, v${l.version}] ${l.entryCount} entries` +
            (l.matchingAttributes ? ` (${l.matchingAttributes.join(', ')})` : ''),
        ),
      );
    });
}
