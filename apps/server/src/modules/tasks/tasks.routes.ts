import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, IdParams, PageQuery, TaskAcceptance, TaskChange, TaskChangeCreate, TaskChangeList, TaskChangeReview, TaskRevisionDiff, TaskRevisionDiffQuery, TaskRevisionList, TaskCreate, TaskFull, TaskListQuery, TaskListResponse, TaskPublic, TaskReview, TaskSubmit, TaskUpdate, TaskWorkPage, TaskWorkQuery, TaskBoard, TaskBoardQuery } from '@stinet/shared';
import { contextOf } from '../../http/context.js';
import { publicListRateLimit } from '../../lib/list-grammar-sql.js';
import { createChange, diffRevisions, listChanges, listRevisions, reviewChange } from './task-changes.service.js';
import { createTask, getPublishedTask, getTaskFull, listPublishedTasks, listWork, recordAcceptance, reviewTask, submitTask, taskBoard, taskHistory, updateTask } from './tasks.service.js';

/** Routes of the S&T task registry (ongoing tasks, form Mẫu 1). */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['tasks'];
  app.get('/tasks', {
    config: publicListRateLimit,
    schema: { tags, summary: 'Published ongoing tasks (the public fields of TT 14/2014 Art 23(2))', querystring: TaskListQuery, response: { 200: TaskListResponse } },
    handler: (req) => listPublishedTasks(app.db, req.query),
  });
  app.get('/tasks/work', {
    schema: { tags, summary: 'Work list: tasks in my scope, any status', querystring: TaskWorkQuery, response: { 200: TaskWorkPage } },
    handler: (req) => listWork(app.db, contextOf(req), req.query),
  });
  app.get('/tasks/board', {
    schema: { tags, summary: 'Focal-point board: open tasks overdue, due soon, awaiting review, returned', querystring: TaskBoardQuery, response: { 200: TaskBoard } },
    handler: (req) => taskBoard(app.db, contextOf(req), req.query),
  });
  app.get('/tasks/:id', {
    schema: { tags, summary: 'Public record of a published task', params: IdParams, response: { 200: TaskPublic } },
    handler: (req) => getPublishedTask(app.db, req.params.id),
  });
  app.get('/tasks/:id/full', {
    schema: { tags, summary: 'Full task record (staff in scope)', params: IdParams, response: { 200: TaskFull } },
    handler: (req) => getTaskFull(app.db, contextOf(req), req.params.id),
  });
  app.get('/tasks/:id/history', {
    schema: { tags, summary: 'Change history of a task (staff in scope)', params: IdParams, querystring: PageQuery, response: { 200: AuditPage } },
    handler: (req) => taskHistory(app.db, contextOf(req), req.params.id, req.query.page, req.query.pageSize),
  });
  app.post('/tasks', {
    schema: { tags, summary: 'Enter an ongoing task (Mẫu 1) as a draft; state-secret tasks are refused', body: TaskCreate, response: { 201: TaskFull } },
    handler: async (req, reply) => reply.status(201).send(await createTask(app.db, contextOf(req), req.body)),
  });
  app.patch('/tasks/:id', {
    schema: { tags, summary: 'Change a draft or returned task (send the version you read)', params: IdParams, body: TaskUpdate, response: { 200: TaskFull } },
    handler: (req) => updateTask(app.db, contextOf(req), req.params.id, req.body),
  });
  app.post('/tasks/:id/submit', {
    schema: { tags, summary: 'Submit a task to its focal point', params: IdParams, body: TaskSubmit, response: { 200: TaskFull } },
    handler: (req) => submitTask(app.db, contextOf(req), req.params.id, req.body.version),
  });
  app.post('/tasks/:id/review', {
    schema: { tags, summary: 'Accept (publish) or return a submitted task with comments (focal point)', params: IdParams, body: TaskReview, response: { 200: TaskFull } },
    handler: (req) => reviewTask(app.db, contextOf(req), req.params.id, req.body),
  });
  app.post('/tasks/:id/acceptance', {
    schema: { tags, summary: 'Record the official acceptance (T1) of a published task; starts the registration window', params: IdParams, body: TaskAcceptance, response: { 200: TaskFull } },
    handler: (req) => recordAcceptance(app.db, contextOf(req), req.params.id, req.body),
  });
  app.get('/tasks/:id/changes', {
    schema: { tags, summary: 'Changes filed for a task (Mẫu 3), newest first', params: IdParams, response: { 200: TaskChangeList } },
    handler: (req) => listChanges(app.db, contextOf(req), req.params.id),
  });
  app.post('/tasks/:id/changes', {
    schema: { tags, summary: 'File an approved change to a published task (Mẫu 3) with its reason and decision', params: IdParams, body: TaskChangeCreate, response: { 201: TaskChange } },
    handler: async (req, reply) => reply.status(201).send(await createChange(app.db, contextOf(req), req.params.id, req.body)),
  });
  app.post('/task-changes/:id/review', {
    schema: { tags, summary: 'Apply a filed change (a new revision) or return it with a comment (focal point)', params: IdParams, body: TaskChangeReview, response: { 200: TaskChange } },
    handler: (req) => reviewChange(app.db, contextOf(req), req.params.id, req.body),
  });
  app.get('/tasks/:id/revisions', {
    schema: { tags, summary: 'Published revisions of a task', params: IdParams, response: { 200: TaskRevisionList } },
    handler: (req) => listRevisions(app.db, contextOf(req), req.params.id),
  });
  app.get('/tasks/:id/revisions/diff', {
    schema: { tags, summary: 'Fields that differ between two revisions', params: IdParams, querystring: TaskRevisionDiffQuery, response: { 200: TaskRevisionDiff } },
    handler: (req) => diffRevisions(app.db, contextOf(req), req.params.id, req.query.from, req.query.to),
  });
};
