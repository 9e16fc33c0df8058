import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';
import { getObject, getVersions } from '../../store/objects-repo.ts';
import { provenanceOf } from '../../store/provenance-repo.ts';
import { neighbours } from '../../store/relationships-repo.ts';
import { LOCAL_OPERATOR } from '../../store/viewer.ts';
import { printJson } from '../output.ts';
import { withStore } from '../with-store.ts';

export function registerShowCommand(intel: Command): void {
  intel
    .command('show')
    .description('show one object by STIX id: its current version, older versions, sources and relationships')
    .argument('<stix-id>')
    .option('--json', 'print the result as JSON (the default output is JSON too, indented)')
    .action(async (id: string, _flags: { json?: boolean }, cmd: Command) => {
      const result = await withStore(cmd, async (store) => {
        const o = await getObject(store, LOCAL_OPERATOR, id);
        if (!o) throw new AppError('NOT_FOUND', `no object ${id}`);
        return {
          object: o.object,
          revoked: o.revoked,
          matchable: o.matchable,
          versions: await getVersions(store, id),
          sources: await provenanceOf(store, [id]),
          relationships: await neighbours(store, id),
        };
      });
      printJson(result);
    });
}
