import { calendarRoutes } from './modules/calendar/routes.js';
import { scheduleExpiryReminders } from './modules/customers/expiry.js';
import { registerCustomerFieldHooks } from './modules/customers/fieldHooks.js';
import { customerRoutes } from './modules/customers/routes.js';
import { customerStatisticsRoutes } from './modules/customers/statisticsRoutes.js';
import { customerSyncRoutes } from './modules/customers/syncRoutes.js';
import { fieldRoutes } from './modules/fields/routes.js';
import { notificationJobs, notificationListeners } from './modules/notifications/listeners.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { orgListeners } from './modules/org/listeners.js';
import { orgRoutes } from './modules/org/routes.js';
import { savedQueryRoutes } from './modules/queries/routes.js';
import { automationRoutes } from './modules/rules/automationRoutes.js';
import { scheduleAutomations } from './modules/rules/automationRunner.js';
import { rulesCatalogueRoutes } from './modules/rules/catalogueRoutes.js';
import { registerTriggerEngine } from './modules/rules/engine.js';
import { macroRoutes } from './modules/rules/macroRoutes.js';
import { triggerRoutes } from './modules/rules/routes.js';
import { triggerListeners } from './modules/rules/triggerNotifications.js';
import { registerSlaHook } from './modules/sla/apply.js';
import { slaRecomputeJobs } from './modules/sla/recompute.js';
import { slaRoutes } from './modules/sla/routes.js';
import { SlaScheduler } from './modules/sla/scheduler.js';
import { webhookDelivery } from './modules/targets/delivery.js';
import { targetRoutes } from './modules/targets/routes.js';
import { registerTicketCustomerHooks } from './modules/tickets/customerHooks.js';
import { registerTicketFieldHooks } from './modules/tickets/fieldHooks.js';
import { ticketOperationRoutes } from './modules/tickets/operationRoutes.js';
import { ticketPrintRoutes } from './modules/tickets/printRoutes.js';
import { ticketRealtimeListeners } from './modules/tickets/realtime.js';
import { ticketRoutes } from './modules/tickets/routes.js';
import { ticketTemplateRoutes } from './modules/tickets/templateRoutes.js';
import { ticketViewRoutes } from './modules/tickets/viewRoutes.js';
import { scheduleTransferCleanup } from './modules/transfers/cleanup.js';
import { transferJobs, transferListeners } from './modules/transfers/jobs.js';
import { transferRoutes } from './modules/transfers/routes.js';
import { ensureFirstVendor } from './modules/vendors/bootstrap.js';
import { operatorRoutes, vendorRoutes } from './modules/vendors/routes.js';
import { workflowRoutes } from './modules/workflow/routes.js';
import { registerWorkflowEngine } from './modules/workflow/ticketFlow.js';
import { scheduleAuthCleanup } from './platform/auth/cleanup.js';
import { authRoutes } from './platform/auth/routes.js';
import type { Config } from './platform/config.js';
import { type Database, openDatabase } from './platform/db/client.js';
import { migrate } from './platform/db/migrate.js';
import { DomainEvents } from './platform/events.js';
import { fileRoutes } from './platform/files/routes.js';
import { buildApp } from './platform/http/app.js';
import { markShuttingDown } from './platform/http/operations.js';
import type { App, Deps } from './platform/http/route.js';
import { Jobs } from './platform/jobs/queue.js';
import { messageDeliveries } from './platform/outbox/messages.js';
import { startOutboxWorker } from './platform/outbox/worker.js';
import { configuredProviders } from './platform/providers/configured.js';
import { type Realtime, startRealtime } from './platform/realtime/gateway.js';

export const MODULE_ROUTES = [
  authRoutes,
  orgRoutes,
  vendorRoutes,
  operatorRoutes,
  calendarRoutes,
  notificationRoutes,
  fieldRoutes,
  customerRoutes,
  customerStatisticsRoutes,
  customerSyncRoutes,
  savedQueryRoutes,
  transferRoutes,
  ticketRoutes,
  ticketTemplateRoutes,
  fileRoutes,
  ticketOperationRoutes,
  ticketPrintRoutes,
  ticketViewRoutes,
  triggerRoutes,
  automationRoutes,
  rulesCatalogueRoutes,
  macroRoutes,
  workflowRoutes,
  slaRoutes,
  targetRoutes,
];

// Hooks live in module state; several servers in one process (tests) must register them once.
let hooksRegistered = false;
function registerCustomerFieldHooksOnce() {
  if (hooksRegistered) return;
  hooksRegistered = true;
  registerCustomerFieldHooks();
}

export interface Running {
  app: App;
  deps: Deps;
  realtime: Realtime | null;
  /** Set on the first start of an empty database: the generated admin password, printed once. */
  generatedAdminPassword: string | null;
  close(): Promise<void>;
}

/**
 * Wires config → database (migrated) → first vendor → jobs → HTTP app → realtime.
 * `listen: false` builds everything without a port (tests use app.inject()).
 */
export async function startServer(
  config: Config,
  opts: { listen?: boolean; logger?: boolean; logStream?: NodeJS.WritableStream; database?: Database } = {},
): Promise<Running> {
  const database = opts.database ?? (await openDatabase(config));
  await migrate(database.db);
  const events = new DomainEvents();
  const log = { error: (obj: object, msg: string) => console.error(msg, obj) };
  const jobs = config.jobs ? new Jobs(database.sql, log) : null;
  const deps: Deps = { config, database, db: database.db, events, jobs };
  registerCustomerFieldHooksOnce();
  registerTicketCustomerHooks();
  registerTicketFieldHooks();
  registerTriggerEngine();
  registerWorkflowEngine();
  // After the triggers (and the workflow): the SLA sees the ticket as they left it (Zendesk).
  registerSlaHook();
  const boot = await ensureFirstVendor(database.db, config.adminPassword);
  const app = await buildApp(deps, {
    logger: opts.logger,
    logStream: opts.logStream,
    modules: MODULE_ROUTES,
  });
  if (jobs) {
    await jobs.start();
    await notificationJobs(deps);
    await transferJobs(deps);
    await scheduleTransferCleanup(database.db, jobs);
    await scheduleAuthCleanup(database.db, jobs);
    await scheduleExpiryReminders(database.db, events, jobs);
    await scheduleAutomations(deps, jobs);
    await slaRecomputeJobs(deps, jobs);
  }
  let realtime: Realtime | null = null;
  if (opts.listen !== false) {
    await app.listen({ port: config.port, host: config.host });
    realtime = await startRealtime(app.server, database.db, config.redisUrl);
  } else {
    await app.ready();
  }
  notificationListeners(events, () => realtime);
  orgListeners(events, () => realtime);
  transferListeners(events, () => realtime);
  triggerListeners(database.db, events);
  const ticketPushes = ticketRealtimeListeners(events, () => realtime);
  // SLA deadlines fire on time on every node that runs jobs (tickets are claimed with SKIP LOCKED).
  const slaScheduler = jobs
    ? new SlaScheduler(deps, { concurrency: database.kind === 'postgres' ? 2 : 1 })
    : null;
  slaScheduler?.start();
  // Webhooks and customer messages leave through the outbox, on every node that runs jobs.
  const outboxWorker = jobs
    ? await startOutboxWorker(
        database,
        events,
        { webhook: webhookDelivery(database.db), ...messageDeliveries(configuredProviders(config)) },
        log,
      )
    : null;

  let closing: Promise<void> | null = null;
  return {
    app,
    deps,
    realtime,
    generatedAdminPassword: boot.generatedPassword,
    close() {
      closing ??= (async () => {
        markShuttingDown();
        ticketPushes.stop();
        await realtime?.close();
        await app.close();
        await outboxWorker?.stop();
        await slaScheduler?.stop();
        await jobs?.stop();
        if (!opts.database) await database.close();
      })();
      return closing;
    },
  };
}
