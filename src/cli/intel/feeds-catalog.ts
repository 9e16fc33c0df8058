import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';
import { isoNow } from '../../core/time.ts';
import { FEED_CATALOG } from '../../intel/feeds/catalog.ts';
import { listFeeds, saveFeed } from '../../store/feeds-repo.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';

/** `feeds catalog` lists the well-known feeds; `feeds enable NAME` adds one, enabled, in one step. */
export function registerCatalogCommands(feeds: Command): void {
  feeds
    .command('catalog')
    .description('the catalog of well-known OSINT feeds (disabled until enabled)')
    .option('--json')
    .action(async (f: { json?: boolean }, cmd: Command) => {
      const configured = new Map(
        (await withStore(cmd, (store) => listFeeds(store))).map((x) => [x.name, x.enabled]),
      );
      const rows = FEED_CATALOG.map((e) => ({ ...e, enabled: configured.get(e.name) === true }));
      if (f.json) return printJson(rows);
      printLines(
        rows.map(
          (e) =>
            `${e.enabled ? '●' : '○'} ${e.name.padEnd(32)} ${e.format.padEnd(5)} ${e.reliability}  ${e.title}`,
        ),
      );
    });

  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    feeds
      .command(verb)
      .description(`${verb} a feed (a catalog feed is added on first enable)`)
      .argument('<name>')
      .action(async (name: string, _f: unknown, cmd: Command) => {
        await withStore(cmd, async (store) => {
          const existing = (await listFeeds(store)).find((x) => x.name === name);
          const entry = FEED_CATALOG.find((e) => e.name === name);
          if (existing) return saveFeed(store, { ...existing, enabled }, isoNow());
          if (!entry) throw new AppError('NOT_FOUND', `no configured or catalog feed named ${name}`);
          return saveFeed(
            store,
            {
              name: entry.name,
              location: entry.url,
              format: entry.format,
              mapping: entry.csv ?? null,
              schedule: entry.schedule,
              reliability: entry.reliability,
              tlp: entry.tlp,
              headers: null,
              allowPrivate: false,
              allowRedirects: true,
              enabled,
              state: null,
            },
            isoNow(),
          );
        });
        printLines([`feed ${name} ${enabled ? 'enabled' : 'disabled'}`]);
      });
  }
}
