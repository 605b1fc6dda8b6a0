import type { FilledCannedResponse } from '../protocol/types'
import type { ServerState } from './state'
import { contactRecordOf } from './whatsapp/window'

const FIELD = /\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}/g

/** The merge-field values one conversation offers: the contact's names and the brand's. */
export function mergeValues(state: ServerState, conversationId: string): Record<string, string> {
  const conversation = state.conversations.get(conversationId)
  const visitor = [...state.visitors.values()].find((v) => v.conversationId === conversationId)
  const name = visitor?.name ?? contactRecordOf(state, conversationId)?.profileName ?? null
  const values: Record<string, string> = {}
  if (name) {
    values['contact.name'] = name
    values['contact.first_name'] = name.split(/\s+/)[0]!
  }
  const brand = conversation ? state.brands.get(conversation.brandId) : undefined
  if (brand) values['brand.name'] = brand.name
  return values
}

/** Fills `{{contact.first_name}}`-style fields; unknown or empty ones stay visible and are listed. */
export function fillMergeFields(text: string, values: Record<string, string>): FilledCannedResponse {
  const missing = new Set<string>()
  const filled = text.replace(FIELD, (whole, field: string) => {
    const value = values[field]
    if (value === undefined) missing.add(field)
    return value ?? whole
  })
  return { text: filled, missing: [...missing] }
}
