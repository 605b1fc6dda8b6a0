import type { HttpHandler } from 'msw'
import type { CannedResponse } from '../../protocol/types'
import { ApiFailure, notFound } from '../api-error'
import { conversationById } from '../conversations'
import { json, readBody } from '../http'
import { newId } from '../ids'
import { fillMergeFields, mergeValues } from '../merge-fields'
import { operatorRoutes } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'

/** Saved replies, searchable by name, filled with a conversation's merge fields for a preview. */
export function cannedResponseHandlers(state: ServerState): HttpHandler[] {
  const guarded = operatorRoutes(state, '/canned-responses')
  const byId = (id: string) => {
    const found = state.cannedResponses.get(id)
    if (!found) throw notFound('canned response')
    return found
  }
  const assertUniqueName = (name: string, except?: string) => {
    for (const other of state.cannedResponses.values()) {
      if (other.id !== except && other.name.toLowerCase() === name.toLowerCase()) {
        throw new ApiFailure(409, 'name_taken', `A canned response named "${name}" already exists.`, 'name')
      }
    }
  }

  return [
    guarded('get', '', ({ request }) => {
      const query = (new URL(request.url).searchParams.get('q') ?? '').trim().toLowerCase()
      const all = [...state.cannedResponses.values()].sort((a, b) => a.name.localeCompare(b.name))
      return { cannedResponses: query ? all.filter((c) => c.name.toLowerCase().includes(query)) : all }
    }),
    guarded('post', '', async ({ request }) => {
      const input = await readBody(request, schema.cannedResponse)
      assertUniqueName(input.name)
      const now = state.clock.iso()
      const created: CannedResponse = { id: newId('cr'), ...input, createdAt: now, updatedAt: now }
      state.cannedResponses.set(created.id, created)
      return json(created, 201)
    }),
    guarded('patch', '/:id', async ({ request, params }) => {
      const found = byId(params.id!)
      const patch = await readBody(request, schema.cannedResponsePatch)
      if (patch.name) assertUniqueName(patch.name, found.id)
      Object.assign(found, patch, { updatedAt: state.clock.iso() })
      return found
    }),
    guarded('delete', '/:id', ({ params }) => {
      state.cannedResponses.delete(byId(params.id!).id)
      return json(null, 204)
    }),
    guarded('get', '/:id/fill', ({ request, params }) => {
      const conversationId = new URL(request.url).searchParams.get('conversationId')
      if (!conversationId) throw new ApiFailure(400, 'validation_failed', 'conversationId: required', 'conversationId')
      conversationById(state, conversationId)
      return fillMergeFields(byId(params.id!).text, mergeValues(state, conversationId))
    }),
  ]
}
