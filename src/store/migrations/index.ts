import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { DialectName } from '../dialect.ts';
import * as intel from './001-intel.ts';
import * as search from './002-search.ts';
import * as models from './003-models.ts';
import * as enrich from './004-enrich.ts';
import * as knowledge from './005-knowledge.ts';
import * as scoring from './006-scoring.ts';
import * as analyses from './007-analyses.ts';
import * as ingestIndexes from './008-ingest-indexes.ts';
import * as objectKeys from './009-object-keys.ts';

type DialectMigration = { up(db: Kysely<unknown>, dialect: DialectName): Promise<void> };

/** Versioned migrations, applied in name order; never edit one that has shipped, add a new one. */
const MIGRATIONS: Record<string, DialectMigration> = {
  '001-intel': intel,
  '002-search': search,
  '003-models': models,
  '004-enrich': enrich,
  '005-knowledge': knowledge,
  '006-scoring': scoring,
  '007-analyses': analyses,
  '008-ingest-indexes': ingestIndexes,
  '009-object-keys': objectKeys,
};

export function migrationProvider(dialect: DialectName): MigrationProvider {
  return {
    getMigrations: () => {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (db) => m.up(db, dialect) };
      return Promise.resolve(out);
    },
  };
}
