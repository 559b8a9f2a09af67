import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  featuresSchema,
  featuresUpdateBody,
  idParam,
  operatorVendorCreateBody,
  operatorVendorSchema,
  operatorVendorUpdateBody,
  vendorProfileSchema,
  vendorProfileUpdateBody,
} from '@yidan/contracts';
import { z } from 'zod';
import { logoUrl } from '../../platform/auth/presenters.js';
import { AppError } from '../../platform/http/errors.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import {
  createVendor,
  featureSwitches,
  getVendor,
  listVendors,
  setVendorLogo,
  setVendorStatus,
  updateFeatureSwitches,
  updateVendorProfile,
  type VendorRow,
} from './service.js';

const LOGO_LIMIT = 512 * 1024;
const IMAGE_TYPES: Record<string, { ext: string; magic: (b: Buffer) => boolean }> = {
  'image/png': {
    ext: 'png',
    magic: (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  },
  'image/jpeg': { ext: 'jpg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/webp': {
    ext: 'webp',
    magic: (b) => b.subarray(0, 4).toString() === 'RIFF' && b.subarray(8, 12).toString() === 'WEBP',
  },
};

function presentProfile(v: VendorRow) {
  return {
    id: v.id,
    name: v.name,
    displayName: v.displayName,
    loginKey: v.loginKey,
    logoUrl: logoUrl(v),
    customerMode: v.customerMode,
    timeZone: v.timeZone,
    contactName: v.contactName,
    contactPhone: v.contactPhone,
    contactEmail: v.contactEmail,
    createdAt: v.createdAt.toISOString(),
  };
}

export function vendorRoutes(app: App, { db, config }: Deps) {
  const settings = { config: { permission: 'org.settings' as const } };
  const tags = ['vendor'];
  app.get(
    '/api/v1/vendor',
    { schema: { tags, summary: '企业信息', response: { 200: vendorProfileSchema } } },
    async (req) => presentProfile(await getVendor(db, actorOf(req).vendorId)),
  );
  app.patch(
    '/api/v1/vendor',
    { ...settings, schema: { tags, body: vendorProfileUpdateBody, response: { 200: vendorProfileSchema } } },
    async (req) => presentProfile(await updateVendorProfile(db, actorOf(req).vendorId, req.body)),
  );

  app.addContentTypeParser(
    Object.keys(IMAGE_TYPES),
    { parseAs: 'buffer', bodyLimit: LOGO_LIMIT },
    (_req, body, done) => done(null, body),
  );
  app.put(
    '/api/v1/vendor/logo',
    {
      ...settings,
      bodyLimit: LOGO_LIMIT,
      schema: { tags, summary: '上传公司 logo（图片原始字节）', response: { 200: vendorProfileSchema } },
    },
    async (req) => {
      const type = IMAGE_TYPES[String(req.headers['content-type']).split(';')[0]!.trim()];
      const body = req.body;
      if (!type || !Buffer.isBuffer(body) || !type.magic(body)) throw new AppError('invalid_image');
      const vendorId = actorOf(req).vendorId;
      const name = `${vendorId}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.${type.ext}`;
      const dir = path.join(config.filesDir, 'logos');
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, name), body);
      await setVendorLogo(db, vendorId, name);
      return presentProfile(await getVendor(db, vendorId));
    },
  );
  app.get(
    '/api/v1/vendors/:id/logo',
    { config: { auth: 'public' }, schema: { tags, summary: '公司 logo（公开）', params: idParam } },
    async (req, reply) => {
      const vendor = await getVendor(db, req.params.id).catch(() => null);
      if (!vendor?.logoFile) throw new AppError('not_found');
      const data = await fs.readFile(path.join(config.filesDir, 'logos', vendor.logoFile)).catch(() => null);
      if (!data) throw new AppError('not_found');
      const ext = path.extname(vendor.logoFile).slice(1);
      const mime =
        Object.entries(IMAGE_TYPES).find(([, t]) => t.ext === ext)?.[0] ?? 'application/octet-stream';
      return reply.type(mime).header('cache-control', 'public, max-age=86400').send(data);
    },
  );

  app.get(
    '/api/v1/features',
    { schema: { tags, summary: '功能开关', response: { 200: featuresSchema } } },
    async (req) => featureSwitches(await getVendor(db, actorOf(req).vendorId)),
  );
  app.put(
    '/api/v1/features',
    { ...settings, schema: { tags, body: featuresUpdateBody, response: { 200: featuresSchema } } },
    async (req) => updateFeatureSwitches(db, actorOf(req).vendorId, req.body),
  );
}

function presentOperatorVendor(v: VendorRow) {
  return {
    id: v.id,
    name: v.name,
    loginKey: v.loginKey,
    status: v.status,
    createdAt: v.createdAt.toISOString(),
  };
}

/** Platform operator API (OPERATOR_TOKEN): tenants are created, listed and disabled here. */
export function operatorRoutes(app: App, { db }: Deps) {
  const op = { config: { auth: 'operator' as const } };
  const tags = ['operator'];
  app.post(
    '/api/v1/operator/vendors',
    {
      ...op,
      schema: {
        tags,
        summary: '创建服务商',
        body: operatorVendorCreateBody,
        response: { 201: operatorVendorSchema },
      },
    },
    async (req, reply) => {
      const { vendor } = await createVendor(db, req.body);
      return reply.code(201).send(presentOperatorVendor(vendor));
    },
  );
  app.get(
    '/api/v1/operator/vendors',
    { ...op, schema: { tags, response: { 200: z.object({ items: z.array(operatorVendorSchema) }) } } },
    async () => ({ items: (await listVendors(db)).map(presentOperatorVendor) }),
  );
  app.patch(
    '/api/v1/operator/vendors/:id',
    {
      ...op,
      schema: {
        tags,
        summary: '启用/停用服务商',
        params: idParam,
        body: operatorVendorUpdateBody,
        response: { 200: operatorVendorSchema },
      },
    },
    async (req) => presentOperatorVendor(await setVendorStatus(db, req.params.id, req.body.status)),
  );
}
