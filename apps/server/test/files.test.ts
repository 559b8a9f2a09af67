import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../src/platform/files/service.js';
import type { Running } from '../src/server.js';
import { multipart } from './fixtures/transfers.js';
import {
  type Client,
  expectProblem,
  makeAgent,
  makeVendor,
  startTestServer,
  type TestVendor,
} from './harness.js';

let running: Running;
let v: TestVendor;
let other: TestVendor;

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
  other = await makeVendor(running, '别家服务商');
});
afterAll(() => running.close());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);

function upload(client: Client, name: string, data: Buffer) {
  const body = multipart({}, { name, data });
  return client.request('POST', '/api/v1/files', body.payload, body.headers);
}

describe('file uploads', () => {
  it('stores an upload and gives the same bytes back, to any agent of the vendor', async () => {
    const data = Buffer.from('客户的报错日志\nERROR 1045: Access denied\n');
    const res = await upload(v.admin, '报错 日志(1).txt', data);
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      name: '报错 日志(1).txt',
      size: data.length,
      mime: 'text/plain; charset=utf-8',
    });
    expect(file.fileId).toMatch(/^[0-9a-f-]{36}$/);

    const { client } = await makeAgent(running, v, { grants: [] });
    const down = await client.get(`/api/v1/files/${file.fileId}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(data)).toBe(true);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="__ __(1).txt"; filename*=UTF-8''${encodeURIComponent('报错 日志')}%281%29.txt`,
    );
    // Bytes live under the vendor's own folder, and no temporary file is left behind.
    const dir = path.join(running.deps.config.filesDir, String(v.vendorId));
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.tmp'))).toEqual([]);
    expect(fs.readFileSync(path.join(dir, file.fileId)).equals(data)).toBe(true);
  });

  it('detects the type from the content and shows only images inline', async () => {
    const png = (await upload(v.admin, 'signature.txt', PNG)).json();
    expect(png.mime).toBe('image/png');
    const down = await v.admin.get(`/api/v1/files/${png.fileId}`);
    expect(down.headers['content-type']).toBe('image/png');
    expect(String(down.headers['content-disposition'])).toMatch(/^inline; /);

    const html = (await upload(v.admin, 'evil.html', Buffer.from('<script>alert(1)</script>'))).json();
    expect(html.mime).toBe('text/plain; charset=utf-8');
    const page = await v.admin.get(`/api/v1/files/${html.fileId}`);
    expect(String(page.headers['content-disposition'])).toMatch(/^attachment; /);

    const svg = (
      await upload(
        v.admin,
        'x.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      )
    ).json();
    expect(svg.mime).not.toMatch(/svg/);
  });

  it("answers 404 for another vendor's file", async () => {
    const file = (await upload(v.admin, 'a.txt', Buffer.from('secret'))).json();
    expectProblem(await other.admin.get(`/api/v1/files/${file.fileId}`), 404, 'not_found');
    expectProblem(await v.admin.get('/api/v1/files/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expectProblem(await v.admin.get('/api/v1/files/..%2F..%2Fetc%2Fpasswd'), 400);
  });

  it('refuses oversize, empty, missing and executable uploads', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x61);
    expectProblem(await upload(v.admin, 'big.txt', big), 413, 'file_too_large');
    expectProblem(await upload(v.admin, 'empty.txt', Buffer.alloc(0)), 422, 'upload_empty');
    const none = multipart({ note: 'x' });
    expectProblem(
      await v.admin.request('POST', '/api/v1/files', none.payload, none.headers),
      400,
      'file_missing',
    );
    expectProblem(await v.admin.post('/api/v1/files', { file: 'x' }), 415, 'unsupported_media_type');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    expectProblem(await upload(v.admin, 'setup.pdf', exe), 415, 'file_executable');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(100)]);
    expectProblem(await upload(v.admin, 'tool', elf), 415, 'file_executable');
    // Nothing of the refused uploads was kept.
    const dir = path.join(running.deps.config.filesDir, String(v.vendorId));
    const kept = fs.readdirSync(dir).map((f) => fs.statSync(path.join(dir, f)).size);
    expect(kept).not.toContain(big.length);
    expect(kept).not.toContain(exe.length);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.tmp'))).toEqual([]);
  });

  it('makes ticket attachments point at real files, with their stored name and size', async () => {
    const file = (await upload(v.admin, '截图说明.txt', Buffer.from('见附件'))).json();
    const bad = await v.admin.post('/api/v1/tickets', {
      subject: '附件不存在',
      attachments: [{ fileId: '00000000-0000-4000-8000-000000000000', name: 'x', size: 1 }],
    });
    expect(expectProblem(bad, 400, 'validation_failed').errors).toEqual([
      { path: 'body.attachments.0.fileId', message: '文件不存在，请重新上传' },
    ]);
    const theirs = (await upload(other.admin, 'b.txt', Buffer.from('b'))).json();
    const t = await v.admin.post('/api/v1/tickets', {
      subject: '带附件',
      attachments: [{ fileId: file.fileId, name: '改过的名字.exe', size: 999 }],
    });
    expect(t.statusCode).toBe(201);
    const reply = await v.admin.post(`/api/v1/tickets/${t.json().id}/comments`, {
      body: '别家的文件',
      public: false,
      attachments: [{ fileId: theirs.fileId, name: 'b.txt', size: 1 }],
    });
    expectProblem(reply, 400, 'validation_failed');
    const ok = await v.admin.post(`/api/v1/tickets/${t.json().id}/comments`, {
      body: '补充附件',
      public: false,
      attachments: [{ fileId: file.fileId, name: file.name, size: file.size }],
    });
    expect(ok.statusCode).toBe(201);
    const timeline = (await v.admin.get(`/api/v1/tickets/${t.json().id}/timeline`)).json().items;
    const created = timeline.find((e: { kind: string }) => e.kind === 'created');
    expect(created.attachments).toEqual([{ fileId: file.fileId, name: '截图说明.txt', size: file.size }]);
    expect(timeline.filter((e: { kind: string }) => e.kind === 'comment')).toHaveLength(1);
  });
});
