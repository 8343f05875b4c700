import type { Config } from '../config';
import { openPgStore } from './postgres';
import { openSqliteStore } from './sqlite';
import type { Store } from './store';

/** The store the configuration asks for: PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR. */
export function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  return config.databaseUrl
    ? openPgStore(config.databaseUrl)
    : Promise.resolve(openSqliteStore(config.dataDir));
}
