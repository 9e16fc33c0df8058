import { basename, extname } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { isoNow } from '../../core/time.ts';
import { listModels } from '../../store/models-repo.ts';
import {
  loadStoredModel,
  modelHistory,
  reviewModel,
  saveModel,
  type ReviewAction,
} from '../../threatmodel/registry/model-registry.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';
import { loadModel } from './load-model.ts';

/** Who is acting: `--as`, else THREATLOOM_USER, else the login name. */
function actor(flag: string | undefined): string {
  return flag ?? process.env.THREATLOOM_USER ?? userInfo().username;
}

/** `model save | list | history | show | review | approve | request-changes | comment`. */
export function registerRegistryCommands(model: Command): void {
  model
    .command('save')
    .description('save a model file in the store as a new immutable version (back to draft)')
    .argument('<file>')
    .option('--name <name>', 'name in the store (default: the file name)')
    .option('-m, --message <text>', 'what changed')
    .option('--as <user>', 'author (default: $THREATLOOM_USER or the login name)')
    .option('--json')
    .action(
      async (
        file: string,
        f: { name?: string; message?: string; as?: string; json?: boolean },
        cmd: Command,
      ) => {
        const doc = await loadModel(file);
        const name = f.name ?? basename(file, extname(file));
        const r = await withStore(cmd, (store) =>
          saveModel(store, {
            name,
            model: doc,
            author: actor(f.as),
            now: isoNow(),
            ...(f.message ? { message: f.message } : {}),
          }),
        );
        if (f.json) return printJson(r);
        printLines([
          r.saved
            ? `${r.name}: saved as version ${r.version} (draft)`
            : `${r.name}: unchanged since version ${r.version}`,
        ]);
      },
    );

  model
    .command('list')
    .description('models in the store with their status')
    .option('--json')
    .action(async (f: { json?: boolean }, cmd: Command) => {
      const rows = await withStore(cmd, (store) => listModels(store));
      if (f.json) return printJson(rows);
      printLines(
        rows.length === 0
          ? ['no models']
          : rows.map(
              (m) =>
                `${m.name}  v${m.latestVersion}  ${m.status}${m.approvedVersion ? ` (approved v${m.approvedVersion})` : ''}`,
            ),
      );
    });

  model
    .command('history')
    .description('versions and the review trail of a stored model')
    .argument('<name>')
    .option('--json')
    .action(async (name: string, f: { json?: boolean }, cmd: Command) => {
      const h = await withStore(cmd, (store) => modelHistory(store, name));
      if (f.json) return printJson(h);
      printLines([
        `${h.model.name}: ${h.model.status}, latest v${h.model.latestVersion}`,
        ...h.versions.map(
          (v) => `  v${v.version}  ${v.created}  ${v.author}${v.message ? `  ${v.message}` : ''}`,
        ),
        ...h.reviews.map(
          (r) =>
            `  ${r.created}  v${r.version}  ${r.actor} ${r.action}${r.threatId ? ` on ${r.threatId}` : ''}${r.comment ? `: ${r.comment}` : ''}`,
        ),
      ]);
    });

  model
    .command('show')
    .description('print a stored version of a model as JSON')
    .argument('<name>')
    .option('--version <n>', 'version (default: the latest)', (v) => Number.parseInt(v, 10))
    .action(async (name: string, f: { version?: number }, cmd: Command) => {
      const r = await withStore(cmd, (store) => loadStoredModel(store, name, f.version));
      printJson({ name: r.model.name, version: r.version, status: r.model.status, model: r.document });
    });

  const review = (verb: string, action: ReviewAction, description: string) =>
    model
      .command(verb)
      .description(description)
      .argument('<name>')
      .option('-c, --comment <text>')
      .option('--threat <id>', 'the threat the comment is about')
      .option('--as <user>', 'reviewer (default: $THREATLOOM_USER or the login name)')
      .action(async (name: string, f: { comment?: string; threat?: string; as?: string }, cmd: Command) => {
        await withStore(cmd, (store) =>
          reviewModel(store, {
            name,
            actor: actor(f.as),
            action,
            now: isoNow(),
            ...(f.comment ? { comment: f.comment } : {}),
            ...(f.threat ? { threatId: f.threat } : {}),
          }),
        );
        printLines([`${name}: ${action}`]);
      });
  review('review', 'request-review', 'ask for review of the latest version (status in-review)');
  review('approve', 'approve', 'approve the latest version (not by its author)');
  review('request-changes', 'request-changes', 'send the model back to draft with a comment');
  review('comment', 'comment', 'comment on the latest version, or on one threat with --threat');
}
