import { errors, refusal, type Operation } from '../operation'
import { brandIdQuery } from './parameters'

const id = { id: 'A template (`tpl_…`).' }

/** WhatsApp message templates and their review (`handlers/templates.ts`). */
export const templateOperations: Operation[] = [
  {
    operationId: 'listTemplates',
    method: 'get',
    path: '/v1/operator/templates',
    summary: 'Message templates',
    tag: 'templates',
    security: 'operator',
    parameters: [brandIdQuery],
    responses: { 200: { json: 'TemplateList', description: 'The templates.' } },
  },
  {
    operationId: 'createTemplate',
    method: 'post',
    path: '/v1/operator/templates',
    summary: 'Add a template (`DRAFT`)',
    description: 'Exactly one BODY; each component type at most once; at most 2 URL buttons; parameters need examples.',
    tag: 'templates',
    security: 'operator',
    body: 'TemplateBody',
    responses: {
      201: { json: 'MessageTemplate', description: 'The template, `DRAFT`.' },
      409: refusal(409, '`name_taken` (same name and language)'),
      422: refusal(422, '`unknown_brand`'),
    },
  },
  {
    operationId: 'updateTemplate',
    method: 'patch',
    path: '/v1/operator/templates/:id',
    summary: 'Edit a template (it becomes `DRAFT` again)',
    tag: 'templates',
    security: 'operator',
    pathParams: id,
    body: 'TemplatePatchBody',
    responses: {
      200: { json: 'MessageTemplate', description: 'The template, `DRAFT`.' },
      ...errors(404),
      409: refusal(409, '`template_locked` (while `PENDING` or once `APPROVED`), `name_taken`'),
    },
  },
  {
    operationId: 'deleteTemplate',
    method: 'delete',
    path: '/v1/operator/templates/:id',
    summary: 'Remove a template',
    tag: 'templates',
    security: 'operator',
    pathParams: id,
    responses: { 204: { empty: 'Removed.' }, ...errors(404), 409: refusal(409, '`template_locked` while `PENDING`') },
  },
  {
    operationId: 'submitTemplate',
    method: 'post',
    path: '/v1/operator/templates/:id/submit',
    summary: 'Submit a template for review (`PENDING`)',
    tag: 'templates',
    security: 'operator',
    pathParams: id,
    responses: {
      200: { json: 'MessageTemplate', description: 'The template, `PENDING`.' },
      ...errors(404),
      409: refusal(409, '`template_locked` unless `DRAFT` or `REJECTED`'),
    },
  },
  {
    operationId: 'mockReviewTemplate',
    method: 'post',
    path: '/v1/mock/templates/:id/review',
    summary: "The reviewer's decision, which Meta makes on its side",
    tag: 'mock',
    mock: true,
    security: 'public',
    pathParams: id,
    body: 'TemplateReviewBody',
    responses: {
      200: { json: 'MessageTemplate', description: 'The template, `APPROVED` or `REJECTED`.' },
      ...errors(404),
      409: refusal(409, '`template_locked` unless `PENDING`'),
    },
  },
  {
    operationId: 'mockTemplateQuality',
    method: 'post',
    path: '/v1/mock/templates/:id/quality',
    summary: 'Pause, disable or restore an approved template, as Meta does on quality',
    tag: 'mock',
    mock: true,
    security: 'public',
    pathParams: id,
    body: 'TemplateQualityBody',
    responses: {
      200: { json: 'MessageTemplate', description: 'The template with its new status.' },
      ...errors(404),
      409: refusal(409, '`template_locked` unless `APPROVED`, `PAUSED` or `DISABLED`'),
    },
  },
]
