import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { writeFile, chmod } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { StoredFile } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { runFixityCheck } from '../../storage/fixity.js';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { anonymous, createTestApp, loginAs, multipartFile, type Client, type TestApp } from '../../test-support/test-app.js';
import { fileRecords } from './files.service.js';

let t: TestApp;
let officer: Client;
let orgId: string;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_MAX_BYTES: '4096' });
  officer = await loginAs(t.app, 'officer.hanoi');
  const hanoi = (await unitByCode(t.app, 'province', '01')).id;
  orgId = ((await officer.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
});
afterAll(async () => {
  await t.close();
});

async function upload(client: Client, name: string, content: Buffer | string, tier = 'focal_fulltext') {
  const body = multipartFile(name, content);
  return client.request({ method: 'POST', url: `/api/files?organizationId=${orgId}&accessTier=${tier}`, payload: body.payload, headers: body.headers });
}
const fileCount = async () => (await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM stored_file`))[0]?.n ?? -1;
/** Files under the storage root (temporary files included), to prove a refused upload leaves nothing. */
const filesOnDisk = (): number => {
  let n = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else n += 1;
    }
  };
  walk(t.filesDir);
  return n;
};

describe('file upload and download', () => {
  it('stores a PDF with its SHA-256, sniffed type and tier; downloads it for staff in scope only', async () => {
    const res = await upload(officer, 'Báo cáo tổng hợp.pdf', PDF);
    expect(res.statusCode).toBe(201);
    const file = res.json() as StoredFile;
    expect(file.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect([file.kind, file.mime, file.size, file.originalName]).toEqual(['pdf', 'application/pdf', PDF.length, 'Báo cáo tổng hợp.pdf']);
    const own = await officer.get(`/api/files/${file.id}/content`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PDF)).toBe(true);
    expect(own.headers['content-disposition']).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o");
    expect(own.headers.etag).toBe(`"${file.sha256}"`);
    expect((await anonymous(t.app).get(`/api/files/${file.id}/content`)).statusCode).toBe(401);
    expect((await anonymous(t.app).get(`/api/files/${file.id}`)).statusCode).toBe(401);
    const hcm = await loginAs(t.app, 'officer.hcm');
    expect((await hcm.get(`/api/files/${file.id}/content`)).statusCode).toBe(403);
  });

  it('serves public full text to anyone and public metadata without content', async () => {
    const pub = (await upload(officer, 'tom-tat.pdf', Buffer.concat([PDF, Buffer.from('% public\n')]), 'public_fulltext')).json() as StoredFile;
    expect((await anonymous(t.app).get(`/api/files/${pub.id}/content`)).statusCode).toBe(200);
    const meta = (await upload(officer, 'du-lieu.csv', 'mã,tên\n1,Hà Nội\n', 'public_metadata')).json() as StoredFile;
    expect(meta.mime).toBe('text/csv; charset=utf-8');
    expect((await anonymous(t.app).get(`/api/files/${meta.id}`)).statusCode).toBe(200);
    expect((await anonymous(t.app).get(`/api/files/${meta.id}/content`)).statusCode).toBe(401);
  });

  it('refuses disguised and oversize files and leaves nothing behind', async () => {
    const before = await fileCount();
    const beforeOnDisk = filesOnDisk();
    const exe = await upload(officer, 'bao-cao.pdf', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0)]));
    expect([exe.statusCode, (exe.json() as { error: { code: string } }).error.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    const html = await upload(officer, 'ghi-chu.txt', '<!DOCTYPE html><html><script>alert(1)</script></html>');
    expect(html.statusCode).toBe(415);
    const big = await upload(officer, 'lon.csv', 'a,b\n'.repeat(2000));
    expect([big.statusCode, (big.json() as { error: { code: string } }).error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const reporter = await loginAs(t.app, 'reporter');
    expect((await upload(reporter, 'x.pdf', PDF)).statusCode).toBe(403);
    expect(await fileCount()).toBe(before);
    expect(filesOnDisk()).toBe(beforeOnDisk);
  });

  it('the fixity check finds a stored file whose bytes changed', async () => {
    const file = (await upload(officer, 'du-lieu-goc.csv', 'x,y\n1,2\n')).json() as StoredFile;
    const clean = await runFixityCheck(t.app.storage, fileRecords(t.handle.db));
    expect(clean.mismatched).toEqual([]);
    const [row] = await queryRows<{ storage_key: string }>(t.handle.db, sql`SELECT storage_key FROM stored_file WHERE id = ${file.id}`);
    const target = join(t.filesDir, row?.storage_key as string);
    await chmod(target, 0o644);
    await writeFile(target, 'x,y\n1,3\n');
    const report = await runFixityCheck(t.app.storage, fileRecords(t.handle.db));
    expect(report.mismatched.map((m) => m.key)).toEqual([row?.storage_key]);
  });
});
