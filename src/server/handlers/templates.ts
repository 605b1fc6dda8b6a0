import type { HttpHandler } from 'msw'
import type { MessageTemplate, TemplateStatus } from '../../protocol/types'
import { ApiFailure, notFound } from '../api-error'
import { json, readBody } from '../http'
import { newId } from '../ids'
import { operatorRoutes, route } from '../route'
import type { ServerState } from '../state'
import { checkTemplateParameters } from '../templates/parameters'
import { templateInput, templatePatch, templateQuality, templateReview } from '../templates/template-schema'

/** Statuses in which a template may still be edited (Meta locks it under review and once approved). */
const EDITABLE: TemplateStatus[] = ['DRAFT', 'REJECTED', 'PAUSED', 'DISABLED']

/** Template CRUD and review, with the lifecycle of WhatsApp's message templates. */
export function templateHandlers(state: ServerState, options: { mock: boolean }): HttpHandler[] {
  const guarded = operatorRoutes(state, '/templates')
  const byId = (id: string) => {
    const template = state.templates.get(id)
    if (!template) throw notFound('template')
    return template
  }
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
    guarded('get', '', ({ request }) => {
      const brandId = new URL(request.url).searchParams.get('brandId')
      return { templates: [...state.templates.values()].filter((t) => !brandId || t.brandId === brandId) }
    }),
    guarded('post', '', async ({ request }) => {
      const input = await readBody(request, templateInput)
      if (!state.brands.has(input.brandId)) throw new ApiFailure(422, 'unknown_brand', 'No brand with that id.', 'brandId')
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
    guarded('patch', '/:id', async ({ request, params }) => {
      const template = byId(params.id!)
      if (!EDITABLE.includes(template.status)) throw locked(template, 'edited')
      const next = { ...template, ...(await readBody(request, templatePatch)) }
      checkTemplateParameters(next)
      assertUnique(next, template.id)
      // An edited template is a new draft: it needs a review before it can be sent again.
      return Object.assign(template, next, { status: 'DRAFT', rejectedReason: null, updatedAt: state.clock.iso() })
    }),
    guarded('delete', '/:id', ({ params }) => {
      const template = byId(params.id!)
      if (template.status === 'PENDING') throw locked(template, 'deleted')
      state.templates.delete(template.id)
      return json(null, 204)
    }),
    guarded('post', '/:id/submit', ({ params }) => {
      const template = byId(params.id!)
      if (template.status !== 'DRAFT' && template.status !== 'REJECTED') throw locked(template, 'submitted')
      return Object.assign(template, { status: 'PENDING', rejectedReason: null, updatedAt: state.clock.iso() })
    }),
  ]
  if (!options.mock) return handlers
  return [
    ...handlers,
    // The reviewer's decision, which Meta makes on its side.
    route('post', '/v1/mock/templates/:id/review', async ({ request, params }) => {
      const template = byId(params.id!)
      const { decision, reason } = await readBody(request, templateReview)
      if (template.status !== 'PENDING') throw locked(template, 'reviewed')
      return Object.assign(template, {
        status: decision,
        rejectedReason: decision === 'REJECTED' ? (reason ?? 'The template does not follow the messaging policy.') : null,
        updatedAt: state.clock.iso(),
      })
    }),
    // Meta pauses a template whose quality drops, and may disable it; un-pausing returns it to APPROVED.
    route('post', '/v1/mock/templates/:id/quality', async ({ request, params }) => {
      const template = byId(params.id!)
      const { status } = await readBody(request, templateQuality)
      if (!['APPROVED', 'PAUSED', 'DISABLED'].includes(template.status)) throw locked(template, 'paused or disabled')
      return Object.assign(template, { status, updatedAt: state.clock.iso() })
    }),
  ]
}
