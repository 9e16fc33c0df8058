import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { Limits } from '../../core/limits.ts';
import { toJsonPath } from '../../stix/json-path.ts';
import { parseJsonSafe } from '../../stix/safe-json.ts';
import type { StoredWarninglist } from '../../store/warninglists-repo.ts';
import { cidrEntry } from './cidr-index.ts';
import { WarninglistFileSchema, type WarninglistFile } from './list-schema.ts';
import { compileRegexEntry } from './regex-entry.ts';

export interface ReadLists {
  /** Every list file found. */
  files: string[];
  lists: { file: string; list: StoredWarninglist }[];
  /** Files that could not be read and entries left out, each naming its file and JSON path. */
  problems: AppError[];
}

/** Problems listed per file; a file with thousands of bad entries reports the first ones. */
const MAX_PROBLEMS_PER_FILE = 20;

/** Every `list.json` under `path` (or `path` itself when it is a file), in name order. */
export function findListFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new AppError('NOT_FOUND', `no such file or folder: ${path}`);
  }
  if (stat.isFile()) return [path];
  const files = readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((f) => basename(f) === 'list.json')
    .map((f) => join(path, f))
    .sort();
  if (files.length === 0) throw new AppError('NOT_FOUND', `no list.json files under ${path}`);
  return files;
}

/** Entries kept for matching; a bad entry is reported and left out, its siblings kept. */
function checkEntries(file: string, parsed: WarninglistFile, raw: unknown, limits: Limits) {
  const keys = Array.isArray(raw) ? null : Object.keys(raw as object);
  const problems: AppError[] = [];
  const entries: string[] = [];
  parsed.list.forEach((e, i) => {
    let reason: string | null = null;
    if (parsed.type === 'cidr' && !cidrEntry(e)) reason = 'not an IP address or network';
    else if (parsed.type === 'substring' && e === '') reason = 'an empty substring would match everything';
    else if (parsed.type === 'regex') {
      try {
        compileRegexEntry(e, limits);
      } catch (err) {
        reason = `regex refused: ${(err as Error).message}`;
      }
    }
    if (reason === null) entries.push(e);
    else
      problems.push(
        new AppError('INVALID_INPUT', `${reason}: ${JSON.stringify(e.slice(0, 80))}`, {
          file,
          path: toJsonPath(['list', keys ? keys[i]! : i]),
        }),
      );
  });
  return { entries, problems };
}

function digestOf(list: Omit<StoredWarninglist, 'digest'>): string {
  return createHash('sha256').update(JSON.stringify(list)).digest('hex');
}

/** Reads one list file; throws an AppError naming the file and JSON path when it is unusable. */
export function readListFile(
  file: string,
  limits: Limits,
): { list: StoredWarninglist; problems: AppError[] } {
  if (statSync(file).size > limits.maxWarninglistBytes)
    throw new AppError('LIMIT_EXCEEDED', `list file is larger than ${limits.maxWarninglistBytes} bytes`, {
      file,
    });
  const json = parseJsonSafe(readFileSync(file, 'utf8'), { limits, file });
  const parsed = WarninglistFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('INVALID_INPUT', `not a MISP warninglist: ${issue.message}`, {
      file,
      path: toJsonPath(issue.path),
    });
  }
  const w = parsed.data;
  const { entries, problems } = checkEntries(file, w, (json as { list: unknown }).list, limits);
  const list = {
    name: w.name,
    type: w.type,
    category: w.category ?? 'false_positive',
    version: w.version,
    description: w.description ?? null,
    matchingAttributes: w.matching_attributes ?? null,
    entries,
  };
  return { list: { ...list, digest: digestOf(list) }, problems };
}

/** Reads every list under `path`; a bad file is reported and never stops the others. */
export function readWarninglistFiles(path: string, limits: Limits): ReadLists {
  const out: ReadLists = { files: findListFiles(path), lists: [], problems: [] };
  const names = new Map<string, string>();
  for (const file of out.files) {
    try {
      const { list, problems } = readListFile(file, limits);
      out.problems.push(...problems.slice(0, MAX_PROBLEMS_PER_FILE));
      if (problems.length > MAX_PROBLEMS_PER_FILE)
        out.problems.push(
          new AppError('INVALID_INPUT', `and ${problems.length - MAX_PROBLEMS_PER_FILE} more bad entries`, {
            file,
          }),
        );
      const other = names.get(list.name);
      if (other !== undefined) {
        out.problems.push(
          new AppError('CONFLICT', `list name ${JSON.stringify(list.name)} is also used by ${other}`, {
            file,
            path: '$.name',
          }),
        );
        continue;
      }
      names.set(list.name, file);
      out.lists.push({ file, list });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.problems.push(e.location.file ? e : new AppError(e.code, e.message, { ...e.location, file }));
    }
  }
  return out;
}
