import { errors, refusal, type Operation } from '../operation'

const id = { id: 'A canned response (`cr_…`).' }

/** Saved replies (`handlers/canned-responses.ts`). */
export const cannedResponseOperations: Operation[] = [
  {
    operationId: 'listCannedResponses',
    method: 'get',
    path: '/v1/operator/canned-responses',
    summary: 'Saved replies, by name',
    tag: 'canned-responses',
    security: 'operator',
    parameters: [
      { name: 'q', in: 'query', description: 'Only those whose name contains this (case-insensitive).', schema: { type: 'string' } },
      { name: 'brandId', in: 'query', description: 'Only those usable in this brand’s conversations: its own and the shared ones.', schema: { type: 'string' } },
    ],
    responses: { 200: { json: 'CannedResponseList', description: 'The caller’s brands’ replies and the shared ones, by name.' } },
  },
  {
    operationId: 'createCannedResponse',
    method: 'post',
    path: '/v1/operator/canned-responses',
    summary: 'Save a reply',
    description: 'For one of the caller’s brands (`brandId`), or shared by every brand (no `brandId`: the admin only).',
    tag: 'canned-responses',
    security: 'operator',
    body: 'CannedResponseBody',
    responses: {
      201: { json: 'CannedResponse', description: 'The saved reply.' },
      403: refusal(403, '`forbidden`: an agent making a shared reply'),
      409: refusal(409, '`name_taken` (a reply of the same name for that brand, or shared)'),
      422: refusal(422, '`message_too_long`, `unknown_brand`'),
    },
  },
  {
    operationId: 'updateCannedResponse',
    method: 'patch',
    path: '/v1/operator/canned-responses/:id',
    summary: 'Change a saved reply',
    description: 'Its brand stays; a shared reply is the admin’s to change.',
    tag: 'canned-responses',
    security: 'operator',
    pathParams: id,
    body: 'CannedResponsePatchBody',
    responses: {
      200: { json: 'CannedResponse', description: 'The reply as changed.' },
      403: refusal(403, '`forbidden`: an agent changing a shared reply'),
      ...errors(404),
      409: refusal(409, '`name_taken`'),
      422: refusal(422, '`message_too_long`'),
    },
  },
  {
    operationId: 'deleteCannedResponse',
    method: 'delete',
    path: '/v1/operator/canned-responses/:id',
    summary: 'Remove a saved reply',
    tag: 'canned-responses',
    security: 'operator',
    pathParams: id,
    responses: { 204: { empty: 'Removed.' }, 403: refusal(403, '`forbidden`: an agent removing a shared reply'), ...errors(404) },
  },
  {
    operationId: 'fillCannedResponse',
    method: 'get',
    path: '/v1/operator/canned-responses/:id/fill',
    summary: 'A saved reply filled for one conversation',
    tag: 'canned-responses',
    security: 'operator',
    pathParams: id,
    parameters: [{ name: 'conversationId', in: 'query', required: true, description: 'Whose merge fields to fill in.', schema: { type: 'string' } }],
    responses: {
      200: { json: 'FilledCannedResponse', description: 'The text; unknown fields are kept and listed.' },
      400: refusal(400, '`validation_failed`: no `conversationId`'),
      ...errors(404),
      422: refusal(422, '`brand_mismatch`: the reply is another brand’s than the conversation'),
    },
  },
]
