import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config/env.js';
import { LogMailSender, SmtpMailSender, createMailSender } from './mail-sender.js';

/** A minimal SMTP server that accepts every message and keeps the raw DATA. */
function fakeSmtp(): Promise<{ server: Server; port: number; messages: string[]; envelopes: string[] }> {
  const messages: string[] = [];
  const envelopes: string[] = [];
  const server = createServer((socket) => {
    let inData = false;
    let buffer = '';
    let data = '';
    socket.write('220 fake.smtp ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(data);
            data = '';
            socket.write('250 2.0.0 queued\r\n');
          } else data += `${line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') socket.write('250-fake.smtp\r\n250 8BITMIME\r\n');
        else if (cmd === 'MAIL' || cmd === 'RCPT') {
          envelopes.push(line);
          socket.write('250 2.1.0 ok\r\n');
        } else if (cmd === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (cmd === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, messages, envelopes })));
}

const open: Server[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await new Promise((r) => s.close(r));
  vi.restoreAllMocks();
});

describe('mail senders', () => {
  it('the log sender writes one structured line per message to the logger it is given', async () => {
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    const sender = new LogMailSender('stinet <no-reply@example.vn>', { info: (obj, msg) => lines.push({ obj, msg }) });
    await sender.send({ to: 'reporter@example.vn', subject: '[stinet] Sắp đến hạn', text: 'Nội dung' });
    expect(lines).toEqual([{ msg: 'mail (log sender)', obj: { mail: { from: 'stinet <no-reply@example.vn>', to: 'reporter@example.vn', subject: '[stinet] Sắp đến hạn', text: 'Nội dung' } } }]);
  });

  it('without a logger, the log sender writes JSON lines to stdout', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await new LogMailSender('a@example.vn').send({ to: 'b@example.vn', subject: 'Chủ đề', text: 'x' });
    const line = String(write.mock.calls[0]?.[0]);
    expect(JSON.parse(line)).toMatchObject({ msg: 'mail (log sender)', mail: { to: 'b@example.vn', subject: 'Chủ đề' } });
    expect(line.endsWith('\n')).toBe(true);
  });

  it('the configuration selects the sender: log by default, SMTP with MAIL_SENDER=smtp', () => {
    expect(createMailSender(loadConfig({}))).toBeInstanceOf(LogMailSender);
    expect(createMailSender(loadConfig({ MAIL_SENDER: 'smtp', SMTP_URL: 'smtp://127.0.0.1:2525' })).kind).toBe('smtp');
  });

  it('the SMTP sender hands a UTF-8 message to the SMTP server', async () => {
    const smtp = await fakeSmtp();
    open.push(smtp.server);
    const sender = new SmtpMailSender(`smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`, 'Trung tâm Thông tin <thongtin@example.vn>');
    await sender.send({ to: 'reporter@example.vn', subject: '[stinet] Quá hạn nộp phiếu ứng dụng kết quả', text: 'Phiếu Mẫu 12 năm thứ 1 đã quá hạn.' });
    await sender.close();
    expect(smtp.envelopes).toEqual(['MAIL FROM:<thongtin@example.vn>', 'RCPT TO:<reporter@example.vn>']);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toContain('To: reporter@example.vn');
    expect(smtp.messages[0]).toMatch(/Subject: =\?UTF-8\?/);
  });

  it('the SMTP sender rejects when the server cannot be reached (so the sweep records a failure)', async () => {
    const smtp = await fakeSmtp();
    const port = smtp.port;
    await new Promise((r) => smtp.server.close(r));
    const sender = new SmtpMailSender(`smtp://127.0.0.1:${port}`, 'a@example.vn');
    await expect(sender.send({ to: 'b@example.vn', subject: 's', text: 't' })).rejects.toThrow();
  });
});
