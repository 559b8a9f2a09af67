import type { DomainEvents } from '../../platform/events.js';
import { AppError } from '../../platform/http/errors.js';
import { formatMessage } from '../../platform/http/messages.js';
import type { Deps } from '../../platform/http/route.js';
import type { Realtime } from '../../platform/realtime/gateway.js';
import { type ExportRef, failExport, presentExport, runExport } from './exports.js';
import { failImport, type ImportRef, presentImport, runImport } from './imports.js';

export const IMPORT_JOB = 'transfers.import';
export const EXPORT_JOB = 'transfers.export';

/** Without a job queue (JOBS=false) work runs in this process; closing the app waits for it. */
const inProcess = new WeakMap<Deps, Set<Promise<void>>>();

export function waitForInProcessTransfers(deps: Deps) {
  return Promise.allSettled([...(inProcess.get(deps) ?? [])]);
}

function runHere(deps: Deps, work: () => Promise<void>) {
  const running = inProcess.get(deps) ?? new Set<Promise<void>>();
  inProcess.set(deps, running);
  const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .finally(() => running.delete(p));
  running.add(p);
}

const reason = (err: unknown) =>
  err instanceof AppError ? formatMessage(err.code, 'zh-CN', err.params) : '内部错误，请稍后重试或联系管理员';

async function importJob(deps: Deps, ref: ImportRef, agentId: number, lastAttempt: () => Promise<boolean>) {
  const onProgress = (status: ReturnType<typeof presentImport>) =>
    deps.events.emit('import.progress', { vendorId: ref.vendorId, agentId, status });
  try {
    await runImport(deps, ref, { onProgress });
  } catch (err) {
    // Transient errors are retried by the queue (the import resumes); the last attempt marks it failed.
    if (err instanceof AppError || (await lastAttempt())) {
      const row = await failImport(deps.db, ref, reason(err));
      if (row) onProgress(presentImport(row));
      return;
    }
    throw err;
  }
}

async function exportJob(deps: Deps, ref: ExportRef, agentId: number, lastAttempt: () => Promise<boolean>) {
  const onProgress = (status: ReturnType<typeof presentExport>) =>
    deps.events.emit('export.progress', { vendorId: ref.vendorId, agentId, status });
  try {
    await runExport(deps, ref, onProgress);
  } catch (err) {
    if (err instanceof AppError || (await lastAttempt())) {
      const row = await failExport(deps.db, ref, reason(err));
      if (row) onProgress(presentExport(row));
      return;
    }
    throw err;
  }
}

type ImportJob = ImportRef & { agentId: number };
type ExportJob = ExportRef & { agentId: number };

export async function dispatchImport(deps: Deps, job: ImportJob) {
  if (deps.jobs)
    await deps.jobs.send(IMPORT_JOB, job, { singletonKey: `import:${job.vendorId}:${job.importId}` });
  else runHere(deps, () => importJob(deps, job, job.agentId, async () => true));
}

export async function dispatchExport(deps: Deps, job: ExportJob) {
  if (deps.jobs)
    await deps.jobs.send(EXPORT_JOB, job, { singletonKey: `export:${job.vendorId}:${job.exportId}` });
  else runHere(deps, () => exportJob(deps, job, job.agentId, async () => true));
}

/** Registers the import and export workers (pg-boss retries a crashed import, which resumes). */
export async function transferJobs(deps: Deps) {
  const jobs = deps.jobs;
  if (!jobs) return;
  const lastAttempt = (name: string, id: string) => async () => {
    const job = await jobs.getJob(name, id);
    return !job || job.retryCount >= job.retryLimit;
  };
  await jobs.work<ImportJob>(IMPORT_JOB, (data, job) =>
    importJob(deps, data, data.agentId, lastAttempt(job.name, job.id)),
  );
  await jobs.work<ExportJob>(EXPORT_JOB, (data, job) =>
    exportJob(deps, data, data.agentId, lastAttempt(job.name, job.id)),
  );
}

/** Progress goes live to the agent who started the import or export. */
export function transferListeners(events: DomainEvents, realtime: () => Realtime | null) {
  events.on('import.progress', (e) =>
    realtime()?.toAgent(e.vendorId, e.agentId, 'import.progress', e.status),
  );
  events.on('export.progress', (e) =>
    realtime()?.toAgent(e.vendorId, e.agentId, 'export.progress', e.status),
  );
}
