import { and, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Jobs } from '../../platform/jobs/queue.js';
import { exportTasks, importTasks } from './schema.js';

export const TRANSFER_CLEANUP_JOB = 'transfers.cleanup';
/** Export files and failed-rows reports are kept this long, then their bytes are dropped. */
export const TRANSFER_FILE_DAYS = 7;

/** Frees the stored files of old exports and imports; the rows (who, when, counts) stay for the record. */
export async function purgeTransferFiles(db: Db, days = TRANSFER_FILE_DAYS) {
  const cutoff = sql`now() - make_interval(days => ${days})`;
  const exports = await db
    .update(exportTasks)
    .set({ file: null })
    .where(and(isNotNull(exportTasks.file), lt(exportTasks.createdAt, cutoff)))
    .returning({ id: exportTasks.id });
  const imports = await db
    .update(importTasks)
    .set({ failedRowsFile: null })
    .where(and(isNotNull(importTasks.failedRowsFile), lt(importTasks.createdAt, cutoff)))
    .returning({ id: importTasks.id });
  return { exports: exports.length, imports: imports.length };
}

/** Daily at 03:40 China time, on whichever node takes it. */
export async function scheduleTransferCleanup(db: Db, jobs: Jobs) {
  await jobs.work(
    TRANSFER_CLEANUP_JOB,
    async () => {
      await purgeTransferFiles(db);
    },
    { pollingIntervalSeconds: 30 },
  );
  await jobs.schedule(TRANSFER_CLEANUP_JOB, '40 3 * * *');
}
