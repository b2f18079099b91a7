import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('defaults to PGlite in ./data on port 3000 with demo data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(c.seedOnStart).toBe('demo');
    expect(c.cookieSecure).toBe(false);
    expect(c.trustProxy).toBe(false);
  });

  it('switches to PostgreSQL with DATABASE_URL and secures cookies behind https', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', PUBLIC_URL: 'https://stinet.example.vn' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db', poolMax: 10 });
    expect(c.cookieSecure).toBe(true);
  });

  it('lists every bad value at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('LOG_LEVEL');
    }
  });

  it('sends reminders to the log by default; sweeps hourly, but not under NODE_ENV=test', () => {
    const c = loadConfig({});
    expect(c.mail).toEqual({ sender: 'log' });
    expect(c.mailFrom).toBe('stinet <no-reply@stinet.invalid>');
    expect(c.reminderIntervalMinutes).toBe(60);
    expect(loadConfig({ NODE_ENV: 'test' }).reminderIntervalMinutes).toBe(0);
    expect(loadConfig({ REMINDER_INTERVAL_MINUTES: '15', NODE_ENV: 'test' }).reminderIntervalMinutes).toBe(15);
  });

  it('selects SMTP with a valid SMTP_URL and a From address', () => {
    const c = loadConfig({ MAIL_SENDER: 'smtp', SMTP_URL: 'smtps://user:secret@mail.example.vn:465', MAIL_FROM: 'Trung tâm Thông tin <thongtin@example.vn>' });
    expect(c.mail).toEqual({ sender: 'smtp', smtpUrl: 'smtps://user:secret@mail.example.vn:465' });
    expect(c.mailFrom).toBe('Trung tâm Thông tin <thongtin@example.vn>');
  });

  it('refuses MAIL_SENDER=smtp without SMTP_URL with a clear message, beside other problems', () => {
    expect(() => loadConfig({ MAIL_SENDER: 'smtp' })).toThrow(/SMTP_URL: is required when MAIL_SENDER=smtp/);
    try {
      loadConfig({ MAIL_SENDER: 'smtp', PORT: 'abc' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems.join('\n')).toMatch(/PORT[\s\S]*SMTP_URL/);
    }
  });

  it('refuses a bad mail sender, SMTP URL, From address or reminder interval', () => {
    try {
      loadConfig({ MAIL_SENDER: 'pigeon', SMTP_URL: 'http://mail.example.vn', MAIL_FROM: 'not an address', REMINDER_INTERVAL_MINUTES: '-5' });
      expect.unreachable();
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of ['MAIL_SENDER', 'SMTP_URL', 'MAIL_FROM', 'REMINDER_INTERVAL_MINUTES']) expect(problems).toContain(name);
    }
  });
});
