import { parseArgs } from 'node:util';
import { operatorVendorCreateBody } from '@yidan/contracts';
import { createVendor, listVendors, setVendorStatus } from '../modules/vendors/service.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/client.js';
import { migrate } from '../platform/db/migrate.js';

const USAGE = `用法 Usage:
  npm run vendor -- create --name <名称> --admin-password <密码> [--login-key <标识>]
  npm run vendor -- list
  npm run vendor -- disable --id <id>
  npm run vendor -- enable --id <id>`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'admin-password': { type: 'string' },
      'login-key': { type: 'string' },
      id: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (!command || !['create', 'list', 'disable', 'enable'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    if (command === 'create') {
      const input = operatorVendorCreateBody.safeParse({
        name: values.name,
        adminPassword: values['admin-password'],
        loginKey: values['login-key'],
      });
      if (!input.success) {
        for (const issue of input.error.issues)
          console.error(`  --${String(issue.path[0])}: ${issue.message}`);
        console.error(USAGE);
        return 2;
      }
      const { vendor } = await createVendor(database.db, input.data);
      console.log(
        JSON.stringify({ id: vendor.id, name: vendor.name, loginKey: vendor.loginKey, admin: 'admin' }),
      );
    } else if (command === 'list') {
      for (const v of await listVendors(database.db))
        console.log(`${v.id}\t${v.loginKey}\t${v.status}\t${v.name}`);
    } else {
      const id = Number(values.id);
      if (!Number.isSafeInteger(id) || id <= 0) {
        console.error(USAGE);
        return 2;
      }
      const v = await setVendorStatus(database.db, id, command === 'disable' ? 'disabled' : 'active');
      console.log(`${v.id}\t${v.loginKey}\t${v.status}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(
      err instanceof Error && 'code' in err ? `错误 Error: ${String((err as { code: unknown }).code)}` : err,
    );
    process.exit(1);
  },
);
