import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * Vulnerability and weakness knowledge (KEV, EPSS, CVE records, CWE), the index of external ids
 * that STIX objects carry (ATT&CK and CAPEC ids, CWE links), and the organization profile.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const keyed = dialect === 'sqlite' ? sql`without rowid` : sql``;
  await db.schema
    .createTable('vulnerability_facts')
    .addColumn('cve', 'text', (c) => c.primaryKey())
    .addColumn('kev', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kev_date_added', 'text')
    .addColumn('kev_due_date', 'text')
    .addColumn('kev_ransomware', 'text')
    .addColumn('kev_json', 'text')
    .addColumn('epss', 'real')
    .addColumn('epss_percentile', 'real')
    .addColumn('epss_date', 'text')
    .addColumn('cwes', 'text')
    .addColumn('cpes', 'text')
    .addColumn('description', 'text')
    .addColumn('published', 'text')
    .addColumn('updated', 'text')
    .modifyEnd(keyed)
    .execute();
  await db.schema
    .createIndex('vulnerability_facts_kev')
    .on('vulnerability_facts')
    .column('kev')
    .where('kev', '=', 1)
    .execute();

  await db.schema
    .createTable('weaknesses')
    .addColumn('cwe', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('abstraction', 'text')
    .addColumn('status', 'text')
    .addColumn('capecs', 'text')
    .modifyEnd(keyed)
    .execute();

  await db.schema
    .createTable('external_refs')
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('external_refs_pk', ['external_id', 'source_name', 'object_id'])
    .modifyEnd(keyed)
    .execute();
  await db.schema.createIndex('external_refs_object').on('external_refs').column('object_id').execute();

  await db.schema
    .createTable('knowledge_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .modifyEnd(keyed)
    .execute();

  await db.schema
    .createTable('org_profile')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated', 'text', (c) => c.notNull())
    .modifyEnd(keyed)
    .execute();
}
