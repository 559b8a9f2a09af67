import closeWithGrace from 'close-with-grace';
import { loadConfig } from './platform/config.js';
import { startServer } from './server.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const running = await startServer(config);
const log = running.app.log;
if (running.generatedAdminPassword) {
  // Printed once, on the first start of an empty database; not logged anywhere else.
  process.stdout.write(
    `\n  一单 Yidan: 已创建管理员账号 admin，初始密码 / admin password: ${running.generatedAdminPassword}\n  请登录后立即修改密码。Change it after signing in.\n\n`,
  );
}
log.info(
  { port: config.port, database: running.deps.database.kind, redis: Boolean(config.redisUrl) },
  `Yidan listening on http://localhost:${config.port}`,
);

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'shutting down after an error');
  else log.info({ signal }, 'shutting down');
  await running.close();
});
