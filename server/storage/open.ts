import type { Config } from '../config';
import { openSqliteStore } from './sqlite';
import type { Store } from './store';

/**
 * The store the configuration asks for: PostgreSQL with DATABASE_URL (`pg` is loaded only then),
 * else SQLite in DATA_DIR.
 */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  if (!config.databaseUrl) return openSqliteStore(config.dataDir);
  const { openPgStore } = await import('./postgres');
  return openPgStore(config.databaseUrl);
}
