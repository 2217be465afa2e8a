import type { Config } from '../../config.ts';
import { connectPostgres, openPGlite, type Database } from './database.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite database persisted in the data folder. */
export function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'databasePreparedStatements' | 'dataDir'>,
): Promise<Database> | Database {
  if (config.databaseUrl)
    return connectPostgres({ url: config.databaseUrl, poolSize: config.databasePoolSize, prepareStatements: config.databasePreparedStatements });
  return openPGlite(config.dataDir);
}
