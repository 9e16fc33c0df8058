import type { Command } from 'commander';
import { LOCAL_OPERATOR } from '../../store/viewer.ts';
import { attackVersion, gatherAdversary, orgTechniqueUses } from '../../threatmodel/evidence/index.ts';
import { groupsNavigatorLayer } from '../../threatmodel/report/navigator.ts';
import { withStore } from '../with-store.ts';
import { writeOutput } from './write-output.ts';

/**
 * `model navigator`: an ATT&CK Navigator layer of the techniques used by the groups that
 * target the organization profile (a model's own layer is `model analyze --format navigator`).
 */
export function registerNavigatorCommand(model: Command): void {
  model
    .command('navigator')
    .description('ATT&CK Navigator layer of the techniques of the groups relevant to the organization')
    .option('-o, --output <file>', 'write the layer to this file')
    .action(async (f: { output?: string }, cmd: Command) => {
      const layer = await withStore(cmd, async (store) => {
        const adversary = await gatherAdversary(store, LOCAL_OPERATOR);
        const version = await attackVersion(store, LOCAL_OPERATOR);
        return groupsNavigatorLayer(orgTechniqueUses(adversary), version ? { attackVersion: version } : {});
      });
      await writeOutput(JSON.stringify(layer, null, 2), f.output);
    });
}
