import type { HttpHandler } from 'msw'
import type { MessageTemplate, OperatorProfile, TemplateStatus } from '../../protocol/types'
import { brandInReach, inReach, inReachOf } from '../access'
import { ApiFailure } from '../api-error'
import { json, readBody } from '../http'
import { newId } from '../ids'
import { mockRoutes, operatorRoutes } from '../route'
import type { ServerState } from '../state'
import { checkTemplateParameters } from '../templates/parameters'
import { templateInput, templatePatch, templateQuality, templateReview } from '../templates/template-schema'

/** Statuses in which a template may still be edited (Meta locks it under review and once approved). */
const EDITABLE: TemplateStatus[] = ['DRAFT', 'REJECTED', 'PAUSED', 'DISABLED']

/**
 * Template CRUD and review, with the lifecycle of WhatsApp's message templates. An operator works on its
 * brands' templates; submitting one for review is the admin's (it speaks for the business to Meta).
 */
export function templateHandlers(state: ServerState, options: { mock: boolean }): HttpHandler[] {
  const guarded = operatorRoutes(state, '/templates')
  const adminOnly = operatorRoutes(state, '/templates', 'admin')
  const byId = (operator: OperatorProfile, id: string) => inReach(operator, state.templates.get(id), 'template')
  const locked = (template: MessageTemplate, action: string) =>
    new ApiFailure(409, 'template_locked', `A ${template.status} template cannot be ${action}.`)
  const assertUnique = (template: Pick<MessageTemplate, 'brandId' | 'name' | 'language'>, except?: string) => {
    for (const other of state.templates.values()) {
      const same = other.brandId === template.brandId && other.name === template.name && other.language === template.language
      if (same && other.id !== except) {
        throw new ApiFailure(409, 'name_taken', `A template "${template.name}" in ${template.language} already exists.`, 'name')
      }
    }
  }

  const handlers = [
    guarded('get', '', ({ request, operator }) => ({
      templates: inReachOf(operator, state.templates.values(), new URL(request.url).searchParams.get('brandId')),
    })),
    guarded('post', '', async ({ request, operator }) => {
      const input = await readBody(request, templateInput)
      brandInReach(operator, input.brandId)
      checkTemplateParameters(input)
      assertUnique(input)
      const now = state.clock.iso()
      const template: MessageTemplate = {
        id: newId('tpl'),
        ...input,
        status: 'DRAFT',
        rejectedReason: null,
        createdAt: now,
        updatedAt: now,
      }
      state.templates.set(template.id, template)
      return json(template, 201)
    }),
    guarded('patch', '/:id', async ({ request, params, operator }) => {
      const template = byId(operator, params.id!)
      if (!EDITABLE.includes(template.status)) throw locked(template, 'edited')
      const next = { ...template, ...(await readBody(request, templatePatch)) }
      checkTemplateParameters(next)
      assertUnique(next, template.id)
      // An edited template is a new draft: it needs a review before it can be sent again.
      return Object.assign(template, next, { status: 'DRAFT', rejectedReason: null, updatedAt: state.clock.iso() })
    }),
    guarded('delete', '/:id', ({ params, operator }) => {
      const template = byId(operator, params.id!)
      if (template.status === 'PENDING') throw locked(template, 'deleted')
      state.templates.delete(template.id)
      return json(null, 204)
    }),
    adminOnly('post', '/:id/submit', ({ params, operator }) => {
      const template = byId(operator, params.id!)
      if (template.status !== 'DRAFT' && template.status !== 'REJECTED') throw locked(template, 'submitted')
      return Object.assign(template, { status: 'PENDING', rejectedReason: null, updatedAt: state.clock.iso() })
    }),
  ]
  if (!options.mock) return handlers
  const route = mockRoutes(state)
  return [
    ...handlers,
    // The reviewer's decision, which Meta makes on its side.
    route('post', '/templates/:id/review', async ({ request, params, operator }) => {
      const template = byId(operator, params.id!)
      const { decision, reason } = await readBody(request, templateReview)
      if (template.status !== 'PENDING') throw locked(template, 'reviewed')
      return Object.assign(template, {
        status: decision,
        rejectedReason: decision === 'REJECTED' ? (reason ?? 'The template does not follow the messaging policy.') : null,
        updatedAt: state.clock.iso(),
      })
    }),
    // Meta pauses a template whose quality drops, and may disable it; un-pausing returns it to APPROVED.
    route('post', '/templates/:id/quality', async ({ request, params, operator }) => {
      const template = byId(operator, params.id!)
      const { status } = await readBody(request, templateQuality)
      if (!['APPROVED', 'PAUSED', 'DISABLED'].includes(template.status)) throw locked(template, 'paused or disabled')
      return Object.assign(template, { status, updatedAt: state.clock.iso() })
    }),
  ]
}
