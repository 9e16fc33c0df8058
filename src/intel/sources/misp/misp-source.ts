import { AppError, toAppError } from '../../../core/errors.ts';
import { UUID_RE } from '../../../stix/identifier.ts';
import type { Source, SourceInput, SourceRecord } from '../../source.ts';
import { fetchSettings, type FetchSettings } from '../open-input.ts';
import { mapMispEvent, type MappedEvent } from './misp-event.ts';
import { isObject, str } from './misp-fields.ts';
import { classifyLocation, feedFile, readJson } from './misp-read.ts';

export interface MispSourceOptions extends FetchSettings {
  /** Manifest timestamps of the events read by the previous run, by event UUID. */
  previous?: Record<string, number>;
  /**
   * Only attributes flagged `to_ids` are read (they give indicators); by default the others
   * of an indicator type are read too, and give observables.
   */
  toIdsOnly?: boolean;
}

export interface MispSummary {
  /** Events mapped, left alone as unchanged since the previous run, or unreadable. */
  events: { read: number; unchanged: number; failed: number; withoutIndicators: number };
  /** Attributes not read as indicators, by MISP type. */
  skipped: Record<string, number>;
}

export interface MispSource extends Source {
  /** After a run: event UUID → manifest timestamp, to pass as `previous` next time. */
  state(): Record<string, number>;
  summary(): MispSummary;
}

function emptySummary(): MispSummary {
  return { events: { read: 0, unchanged: 0, failed: 0, withoutIndicators: 0 }, skipped: {} };
}

/** The events of a single JSON file: `{"Event"}`, `{"response": [{"Event"}…]}`, an array of those, or a bare event. */
function eventsOf(doc: unknown): unknown[] {
  const items = Array.isArray(doc)
    ? doc
    : isObject(doc) && Array.isArray(doc.response)
      ? doc.response
      : [doc];
  return items.map((item) =>
    isObject(item) ? (isObject(item.Event) ? item.Event : bareEvent(item)) : undefined,
  );
}

/** PyMISP also writes an event without its `{"Event": …}` wrapper. */
function bareEvent(item: Record<string, unknown>): Record<string, unknown> | undefined {
  return 'Attribute' in item || 'Object' in item || 'info' in item ? item : undefined;
}

/**
 * A MISP feed (§4a of the platform reference): a directory or URL with `manifest.json` and one
 * `<uuid>.json` per event, or a single event file. Only events new since `previous` or whose
 * manifest timestamp changed are fetched, one at a time; a bad event file is one reject.
 */
export function createMispSource(opts: MispSourceOptions = {}): MispSource {
  let state: Record<string, number> = {};
  let summary = emptySummary();
  const toIdsOnly = opts.toIdsOnly ?? false;

  function* emit(mapped: MappedEvent): Generator<SourceRecord> {
    summary.events.read++;
    if (!mapped.reported) summary.events.withoutIndicators++;
    for (const [type, n] of Object.entries(mapped.skipped))
      summary.skipped[type] = (summary.skipped[type] ?? 0) + n;
    yield* mapped.records;
  }

  async function* readFeed(base: string, input: SourceInput): AsyncGenerator<SourceRecord> {
    const json = { limits: input.limits, fetch: fetchSettings(opts) };
    const manifest = await readJson(feedFile(base, 'manifest.json'), json);
    if (!isObject(manifest))
      throw new AppError('INVALID_INPUT', 'manifest.json is not a JSON object keyed by event UUID', {
        file: base,
      });
    for (const [key, entry] of Object.entries(manifest)) {
      const uuid = key.toLowerCase();
      const timestamp = Number(isObject(entry) ? str(entry.timestamp) : undefined);
      const path = `manifest.json:$["${key.slice(0, 80)}"]`;
      if (!UUID_RE.test(uuid) || !Number.isFinite(timestamp)) {
        yield {
          kind: 'reject',
          message: 'manifest entry needs an event UUID key and a numeric timestamp',
          location: { path },
        };
        continue;
      }
      if (opts.previous?.[uuid] === timestamp) {
        state[uuid] = timestamp;
        summary.events.unchanged++;
        continue;
      }
      const file = `${uuid}.json`;
      try {
        const event = eventsOf(await readJson(feedFile(base, file), json))[0];
        if (!isObject(event)) throw new AppError('INVALID_INPUT', 'no "Event" object in the file');
        const mapped = mapMispEvent(event, { file, toIdsOnly });
        state[uuid] = timestamp;
        yield* emit(mapped);
      } catch (e) {
        summary.events.failed++;
        if (opts.previous?.[uuid] !== undefined) state[uuid] = opts.previous[uuid];
        yield {
          kind: 'reject',
          id: `report--${uuid}`,
          message: toAppError(e).message,
          location: { path: file },
        };
      }
    }
  }

  async function* readFile(location: string, input: SourceInput): AsyncGenerator<SourceRecord> {
    const doc = await readJson(location, { limits: input.limits, fetch: fetchSettings(opts) });
    const file = location.split(/[\\/]/).pop() ?? location;
    for (const [i, event] of eventsOf(doc).entries()) {
      if (isObject(event)) yield* emit(mapMispEvent(event, { file, toIdsOnly }));
      else
        yield {
          kind: 'reject',
          message: 'not a MISP event: no "Event" object',
          location: { index: i, path: `${file}:$[${i}]` },
        };
    }
  }

  return {
    format: 'misp',
    async *read(input) {
      state = {};
      summary = emptySummary();
      const where = await classifyLocation(input.location);
      yield* 'feed' in where ? readFeed(where.feed, input) : readFile(where.file, input);
    },
    state: () => ({ ...state }),
    summary: () => structuredClone(summary),
  };
}
