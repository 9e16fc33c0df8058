import type { Command } from 'commander';
import { countByType } from '../../store/objects-repo.ts';
import { countBySource } from '../../store/provenance-repo.ts';
import { LOCAL_OPERATOR } from '../../store/viewer.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';

export function registerStatsCommand(intel: Command): void {
  intel
    .command('stats')
    .description('counts of objects by STIX type and by source')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const stats = await withStore(cmd, async (store) => ({
        objects: await countByType(store, LOCAL_OPERATOR),
        sources: await countBySource(store),
      }));
      if (flags.json) return printJson(stats);
      printLines([
        'objects:',
        ...Object.entries(stats.objects).map(([t, n]) => `  ${t.padEnd(28)} ${n}`),
        'sources:',
        ...Object.entries(stats.sources).map(([s, n]) => `  ${s.padEnd(28)} ${n}`),
      ]);
    });
}
