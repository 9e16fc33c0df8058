import { Option, type Command } from 'commander';
import { AppError } from '../../core/errors.ts';
import { isoNow } from '../../core/time.ts';
import { parseCsvMapping } from '../../intel/feeds/catalog-schema.ts';
import { runFeed, type FeedRunOutcome } from '../../intel/feeds/run-feed.ts';
import { nextRun, scheduleInterval } from '../../intel/feeds/schedule.ts';
import { assertReliability } from '../../intel/ingest/ingest.ts';
import { feedRuns, lastRunStarts, listFeeds, saveFeed, type Feed } from '../../store/feeds-repo.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';
import { registerCatalogCommands } from './feeds-catalog.ts';

interface AddFlags {
  format: string;
  mapping?: string;
  schedule?: string;
  reliability?: string;
  tlp?: string;
  header: string[];
  allowPrivate?: boolean;
  allowRedirects?: boolean;
  disabled?: boolean;
}

function parseHeader(h: string, acc: string[]): string[] {
  if (!/^[A-Za-z0-9-]+:\s*.+$/.test(h))
    throw new AppError('USAGE', `header must be "Name: value", not ${JSON.stringify(h)}`);
  return [...acc, h];
}

function parseMapping(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new AppError('USAGE', `--mapping must be JSON: ${(e as Error).message}`);
  }
  return parseCsvMapping(value, '--mapping');
}

function runLine(o: FeedRunOutcome): string {
  if (o.status === 'failed') return `${o.feed}: FAILED ${o.error}`;
  const c = o.result.counts;
  return `${o.feed}: ${c.received} received, ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected`;
}

export function registerFeedsCommands(intel: Command): void {
  const feeds = intel
    .command('feeds')
    .description('configured feeds, their runs, and the catalog of well-known feeds');

  feeds
    .command('add')
    .description('add or replace a feed')
    .argument('<name>')
    .argument('<location>', 'URL or path')
    .addOption(new Option('--format <format>').choices(['stix', 'csv', 'text', 'misp']).makeOptionMandatory())
    .option('--mapping <json>', 'CSV options as JSON, e.g. {"delimiter":",","columns":{"ip":"value"}}')
    .option('--schedule <every>', 'how often `feeds run --due` runs it: "every N" then m, h or d')
    .option('--reliability <A-F>', 'Admiralty reliability of the source')
    .addOption(new Option('--tlp <tlp>').choices(['clear', 'green', 'amber', 'amber+strict', 'red']))
    .option(
      '--header <name: value>',
      'HTTP header (repeatable); a value env:NAME is read from the environment',
      parseHeader,
      [],
    )
    .option('--allow-private', 'allow private, loopback and link-local addresses (internal feeds)')
    .option('--allow-redirects', 'follow redirects (each hop is re-checked)')
    .option('--disabled', 'add it disabled')
    .action(async (name: string, location: string, f: AddFlags, cmd: Command) => {
      const headers = Object.fromEntries(
        f.header.map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]),
      );
      if (f.schedule !== undefined) scheduleInterval(f.schedule); // refuses a malformed schedule
      const feed: Feed = {
        name,
        location,
        format: f.format,
        mapping: parseMapping(f.mapping),
        schedule: f.schedule ?? null,
        reliability: f.reliability === undefined ? null : assertReliability(f.reliability),
        tlp: f.tlp ?? null,
        headers: f.header.length > 0 ? headers : null,
        allowPrivate: f.allowPrivate === true,
        allowRedirects: f.allowRedirects === true,
        enabled: f.disabled !== true,
        state: null,
      };
      await withStore(cmd, (store) => saveFeed(store, feed, isoNow()));
      printLines([`feed ${name} saved (${feed.enabled ? 'enabled' : 'disabled'})`]);
    });

  feeds
    .command('list')
    .description('list the configured feeds')
    .option('--json')
    .action(async (f: { json?: boolean }, cmd: Command) => {
      const { all, starts } = await withStore(cmd, async (store) => ({
        all: await listFeeds(store),
        starts: await lastRunStarts(store),
      }));
      const now = new Date();
      const shown = all.map(({ headers, ...rest }) => ({
        ...rest,
        headers: headers ? Object.keys(headers) : [],
        lastRun: starts.get(rest.name) ?? null,
        nextRun: rest.enabled
          ? (nextRun(rest.schedule, starts.get(rest.name), now)?.toISOString() ?? null)
          : null,
      }));
      if (f.json) return printJson(shown);
      printLines(
        shown.length === 0
          ? ['no feeds']
          : shown.map(
              (x) =>
                `${x.enabled ? '●' : '○'} ${x.name}  ${x.format}  ${x.location}  last run ${x.lastRun ?? 'never'}${x.schedule ? `  ${x.schedule}, next ${x.nextRun ?? '-'}` : ''}`,
            ),
      );
    });

  feeds
    .command('run')
    .description('run one feed now, or every enabled feed (with --due: those whose schedule is due)')
    .argument('[name]')
    .option('--due', 'only enabled feeds whose schedule is due (for cron or a systemd timer)')
    .option('--json')
    .action(async (name: string | undefined, f: { due?: boolean; json?: boolean }, cmd: Command) => {
      if (name && f.due) throw new AppError('USAGE', '--due runs the feeds that are due; it takes no name');
      const outcomes = await withStore(cmd, async (store) => {
        const all = await listFeeds(store);
        const starts = f.due ? await lastRunStarts(store) : new Map<string, string>();
        const now = new Date();
        const isDue = (x: Feed) => {
          const at = nextRun(x.schedule, starts.get(x.name), now);
          return at !== null && at <= now;
        };
        const chosen = name
          ? all.filter((x) => x.name === name)
          : all.filter((x) => x.enabled && (!f.due || isDue(x)));
        if (name && chosen.length === 0) throw new AppError('NOT_FOUND', `no feed named ${name}`);
        const out: FeedRunOutcome[] = [];
        for (const feed of chosen) out.push(await runFeed(store, feed));
        return out;
      });
      if (f.json) printJson(outcomes);
      else
        printLines(
          outcomes.length === 0 ? [f.due ? 'no feed is due' : 'no enabled feeds'] : outcomes.map(runLine),
        );
      if (outcomes.some((o) => o.status !== 'ok')) process.exitCode = 1;
    });

  feeds
    .command('history')
    .description('the latest runs, of one feed or all')
    .argument('[name]')
    .option('--json')
    .action(async (name: string | undefined, f: { json?: boolean }, cmd: Command) => {
      const runs = await withStore(cmd, (store) => feedRuns(store, name));
      if (f.json) return printJson(runs);
      printLines(
        runs.length === 0
          ? ['no runs']
          : runs.map(
              (r) =>
                `${r.started}  ${r.feed}  ${r.status}${r.counts ? `  ${JSON.stringify(r.counts)}` : ''}${r.error ? `  ${r.error}` : ''}`,
            ),
      );
    });

  registerCatalogCommands(feeds);
}
