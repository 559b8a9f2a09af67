import { randomSecret } from '../../platform/auth/secrets.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { countVendors, createVendor } from './service.js';

/** On an empty database, creates the first vendor and its `admin` (password from config or generated). */
export async function ensureFirstVendor(db: Db, adminPassword: string | null) {
  if ((await countVendors(db)) > 0) return { generatedPassword: null };
  const password = adminPassword ?? randomSecret(9);
  try {
    await createVendor(db, { name: '我的服务商', adminPassword: password, loginKey: 'default' });
  } catch (err) {
    // Another node starting at the same moment created it first.
    if (err instanceof AppError && err.code === 'login_key_taken') return { generatedPassword: null };
    throw err;
  }
  return { generatedPassword: adminPassword ? null : password };
}
