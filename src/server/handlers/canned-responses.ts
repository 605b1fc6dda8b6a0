import type { HttpHandler } from 'msw'
import type { CannedResponse, OperatorProfile } from '../../protocol/types'
import { brandInReach, inReach, reaches, requireAdmin } from '../access'
import { ApiFailure } from '../api-error'
import { json, readBody } from '../http'
import { newId } from '../ids'
import { fillMergeFields, mergeValues } from '../merge-fields'
import { operatorRoutes } from '../route'
import * as schema from '../schemas'
import type { ServerState } from '../state'

/**
 * Saved replies, searchable by name, filled with a conversation's merge fields for a preview. Each
 * belongs to a brand, whose operators use and edit it, or is shared by every brand (`brandId: null`):
 * every operator uses those, only an admin makes or edits them.
 */
export function cannedResponseHandlers(state: ServerState): HttpHandler[] {
  const guarded = operatorRoutes(state, '/canned-responses')
  const byId = (operator: OperatorProfile, id: string) => inReach(operator, state.cannedResponses.get(id), 'canned response')
  const writable = (operator: OperatorProfile, id: string) => {
    const found = byId(operator, id)
    if (found.brandId === null) requireAdmin(operator)
    return found
  }
  // Two replies clash when their names match and one brand's operators would see both.
  const assertUniqueName = (name: string, brandId: string | null, except?: string) => {
    for (const other of state.cannedResponses.values()) {
      const overlap = brandId === null || other.brandId === null || other.brandId === brandId
      if (other.id !== except && overlap && other.name.toLowerCase() === name.toLowerCase()) {
        throw new ApiFailure(409, 'name_taken', `A canned response named "${name}" already exists.`, 'name')
      }
    }
  }

  return [
    guarded('get', '', ({ request, operator }) => {
      const search = new URL(request.url).searchParams
      const query = (search.get('q') ?? '').trim().toLowerCase()
      // For one brand's conversations: that brand's replies and the shared ones.
      const brandId = search.get('brandId')
      const all = [...state.cannedResponses.values()]
        .filter((c) => reaches(operator, c) && (!brandId || c.brandId === null || c.brandId === brandId))
        .sort((a, b) => a.name.localeCompare(b.name))
      return { cannedResponses: query ? all.filter((c) => c.name.toLowerCase().includes(query)) : all }
    }),
    guarded('post', '', async ({ request, operator }) => {
      const { brandId = null, ...input } = await readBody(request, schema.cannedResponse)
      if (brandId === null) requireAdmin(operator)
      else brandInReach(operator, brandId)
      assertUniqueName(input.name, brandId)
      const now = state.clock.iso()
      const created: CannedResponse = { id: newId('cr'), brandId, ...input, createdAt: now, updatedAt: now }
      state.cannedResponses.set(created.id, created)
      return json(created, 201)
    }),
    guarded('patch', '/:id', async ({ request, params, operator }) => {
      const found = writable(operator, params.id!)
      const patch = await readBody(request, schema.cannedResponsePatch)
      if (patch.name) assertUniqueName(patch.name, found.brandId, found.id)
      Object.assign(found, patch, { updatedAt: state.clock.iso() })
      return found
    }),
    guarded('delete', '/:id', ({ params, operator }) => {
      state.cannedResponses.delete(writable(operator, params.id!).id)
      return json(null, 204)
    }),
    guarded('get', '/:id/fill', ({ request, params, operator }) => {
      const conversationId = new URL(request.url).searchParams.get('conversationId')
      if (!conversationId) throw new ApiFailure(400, 'validation_failed', 'conversationId: required', 'conversationId')
      const reply = byId(operator, params.id!)
      const conversation = inReach(operator, state.conversations.get(conversationId), 'conversation')
      if (reply.brandId !== null && reply.brandId !== conversation.brandId) {
        throw new ApiFailure(422, 'brand_mismatch', 'This canned response belongs to another brand than the conversation.', 'conversationId')
      }
      return fillMergeFields(reply.text, mergeValues(state, conversation.id))
    }),
  ]
}
