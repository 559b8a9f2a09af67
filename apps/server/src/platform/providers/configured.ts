import type { Config } from '../config.js';
import { devEmail, devSms, devWechat } from './dev.js';
import { smtpEmail } from './smtp.js';
import type { Providers } from './types.js';

/** The providers the configuration names: SMTP e-mail when `SMTP_URL` is set, else the dev adapters. */
export function configuredProviders(config: Pick<Config, 'smtpUrl' | 'smtpFrom'>): Providers {
  return {
    sms: devSms,
    email: config.smtpUrl ? smtpEmail(config.smtpUrl, config.smtpFrom) : devEmail,
    wechat: devWechat,
  };
}
