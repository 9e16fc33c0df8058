import pg from 'pg';

/**
 * A PostgreSQL schema of its own for one benchmark target: emptied before the run and dropped
 * after it, so that benchmarks leave nothing behind in a shared database.
 */
export async function benchSchema(
  pgUrl: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const dropSchema = async () => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    } finally {
      await c.end();
    }
  };
  await dropSchema();
  return { url: `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${name}`, drop: dropSchema };
}
