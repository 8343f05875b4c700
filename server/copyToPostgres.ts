import path from 'node:path';
import { copySqliteToPostgres } from './storage/copy';

/**
 * `npm run copy-to-postgres -- <data dir>` with DATABASE_URL set: copies a SQLite data directory
 * into an empty PostgreSQL database (docs/DEPLOY.md, "Moving from one node on SQLite").
 */
const dir = path.resolve(process.argv[2] ?? process.env.DATA_DIR ?? 'data');
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Zet DATABASE_URL op de PostgreSQL-database om naartoe te kopiëren (set DATABASE_URL).');
  process.exit(2);
}
try {
  const report = await copySqliteToPostgres(dir, url);
  for (const [table, n] of Object.entries(report)) console.log(`${table}: ${n}`);
  console.log(`Klaar: ${dir} staat in PostgreSQL (copied).`);
} catch (err) {
  console.error(`Niet gekopieerd (nothing copied): ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
