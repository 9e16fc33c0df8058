import type { Command } from 'commander';
import { search } from '../../intel/search.ts';
import { LOCAL_OPERATOR } from '../../store/viewer.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';

export function registerSearchCommand(intel: Command): void {
  intel
    .command('search')
    .description('full-text search over names, descriptions, aliases and values')
    .argument('<text>')
    .option('--type <type>', 'only objects of this STIX type')
    .option('--limit <n>', 'at most this many results', (v) => Number.parseInt(v, 10), 50)
    .option('--json', 'print the result as JSON')
    .action(async (text: string, flags: { type?: string; limit: number; json?: boolean }, cmd: Command) => {
      const hits = await withStore(cmd, (store) =>
        search(store, LOCAL_OPERATOR, {
          text,
          limit: flags.limit,
          ...(flags.type ? { type: flags.type } : {}),
        }),
      );
      if (flags.json) printJson({ query: text, results: hits });
      else
        printLines(
          hits.length === 0
            ? ['no results']
            : hits.map((h) => `${h.id}  ${h.type}  ${h.name ?? ''}${h.revoked ? '  REVOKED' : ''}`),
        );
    });
}
