import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config/env.js';
import type { Db, DbKind } from './db/types.js';
import { AppError } from './errors.js';
import { registerAuth } from './http/auth.js';
import { localeOf } from './http/context.js';
import { errorBody, registerErrorHandling } from './http/error-handler.js';
import { APP_VERSION } from './lib/version.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { fileRoutes } from './modules/files/files.routes.js';
import { createLocalFileStorage, type FileStorage } from './storage/file-storage.js';
import { classificationRoutes } from './modules/classifications/classifications.routes.js';
import { focalPointRoutes } from './modules/focal-points/focal-points.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { organizationRoutes } from './modules/organizations/organizations.routes.js';
import { orgUnitRoutes } from './modules/org-units/org-units.routes.js';
import { researcherRoutes } from './modules/researchers/researchers.routes.js';
import { taskRoutes } from './modules/tasks/tasks.routes.js';
import { taskIoRoutes } from './modules/task-io/task-io.routes.js';
import { applicationReportRoutes } from './modules/application-reports/application-reports.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { registrationRoutes } from './modules/registrations/registrations.routes.js';
import { certificateRoutes } from './modules/certificates/certificates.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { portalRoutes } from './modules/portal/portal.routes.js';
import { recordPageRoutes } from './modules/portal/record-pages.js';
import { statsReleaseRoutes } from './modules/stats/stats-release.routes.js';
import { statsRoutes } from './modules/stats/stats.routes.js';
import { oaiRoutes } from './modules/oai/oai.routes.js';
import { sitemapRoutes } from './modules/sitemap/sitemap.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Where uploaded files live. */
    storage: FileStorage;
    /** Every route registered (method and URL), for coverage checks such as the authorization matrix. */
    routeList: { method: string; url: string }[];
  }
}

/** What buildApp needs. */
export interface AppDeps {
  config: Config;
  db: Db;
  dbKind: DbKind;
  /** Whether to log requests (off in tests). */
  logger?: boolean;
}

/** Default location of the built web app. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the Fastify app (no listen): API under /api, OpenAPI at /api/openapi.json, docs at /api/docs, the web app at /. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', deps.db);
  const storage = createLocalFileStorage(config.filesDir);
  app.decorate('storage', storage);
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeList.push({ method, url: route.url });
  });
  registerErrorHandling(app);

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 5, fileSize: config.uploadMaxBytes + 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'stinet API',
        version: APP_VERSION,
        description:
          'API of stinet, the platform of the national network of S&T information and statistics organizations. ' +
          'Errors: `{ error: { code, message, messageVi, messageEn, details? } }`. Cookie sessions need `x-csrf-token` on writes; machine clients use `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'stinet_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  registerAuth(app);
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { dbKind: deps.dbKind, version: APP_VERSION });
      await api.register(authRoutes, { sessionTtlHours: config.sessionTtlHours, cookieSecure: config.cookieSecure, loginRateLimitPerMinute: config.loginRateLimitPerMinute });
      await api.register(userRoutes);
      await api.register(orgUnitRoutes);
      await api.register(focalPointRoutes);
      await api.register(organizationRoutes);
      await api.register(researcherRoutes);
      await api.register(taskRoutes);
      await api.register(taskIoRoutes, { uploadMaxBytes: config.uploadMaxBytes });
      await api.register(applicationReportRoutes);
      await api.register(notificationRoutes, { config });
      await api.register(registrationRoutes);
      await api.register(certificateRoutes, { publicUrl: config.publicUrl });
      await api.register(classificationRoutes);
      await api.register(calendarRoutes);
      await api.register(fileRoutes, { storage, uploadMaxBytes: config.uploadMaxBytes });
      await api.register((await import('./modules/open-data/open-data.routes.js')).openDataRoutes, { filesDir: config.filesDir });
      await api.register(auditRoutes);
      await api.register(statsRoutes);
      await api.register(statsReleaseRoutes);
      await api.register(portalRoutes);
      await api.register(searchRoutes);
    },
    { prefix: '/api' },
  );
  await app.register(oaiRoutes, { config });
  await app.register(sitemapRoutes, { config });

  const webDist = config.webDistDir ?? DEFAULT_WEB_DIST;
  const hasWeb = existsSync(`${webDist}/index.html`);
  if (hasWeb) await app.register(recordPageRoutes, { config, indexHtmlPath: `${webDist}/index.html` });
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'], serve: true });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api') && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const err = new AppError('ROUTE_NOT_FOUND');
    return reply.status(err.status).send(errorBody(err.code, localeOf(request), undefined, String(request.id)));
  });
  return app;
}
