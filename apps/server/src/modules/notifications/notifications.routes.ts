import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotificationListQuery, NotificationPage, ReminderSweepResult } from '@stinet/shared';
import type { Config } from '../../config/env.js';
import { contextOf } from '../../http/context.js';
import { createMailSender, type MailSender } from './mail-sender.js';
import { listNotifications, sweepNow } from './notifications.service.js';

/** Options: the configuration (mail sender, public URL) or an explicit sender (tests). */
export interface NotificationRouteOptions {
  config: Pick<Config, 'mail' | 'mailFrom' | 'publicUrl'>;
  sender?: MailSender;
}

/** The reminder outbox (national admin): list it, run a sweep now. */
export const notificationRoutes: FastifyPluginAsyncZod<NotificationRouteOptions> = async (app, opts) => {
  const tags = ['notifications'];
  const sender = opts.sender ?? createMailSender(opts.config, app.log);
  app.addHook('onClose', async () => {
    await sender.close?.();
  });
  app.get('/notifications', {
    schema: { tags, summary: 'The reminder outbox, newest first (national admin)', querystring: NotificationListQuery, response: { 200: NotificationPage } },
    handler: (req) => listNotifications(app.db, contextOf(req), req.query),
  });
  app.post('/notifications/sweep', {
    schema: { tags, summary: 'Run one reminder sweep now: queue what is due, send what is pending (national admin)', response: { 200: ReminderSweepResult } },
    handler: (req) => sweepNow(app.db, contextOf(req), sender, opts.config.publicUrl),
  });
};
