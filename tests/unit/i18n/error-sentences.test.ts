import { describe, expect, test } from 'vitest'
import { LOCALES, translator, type Locale } from '../../../src/i18n/translate'
import { openApiDocument } from '../../../src/server/openapi'
import type { ChatError, ChatErrorCode } from '../../../src/store/chat-error'
import { errorText } from '../../../src/widget/error-text'

/**
 * Every reason the store gives for a failure, and every refusal a visitor can meet from the API, reads
 * as a sentence of the visitor's language: never empty, never the server's English `message`.
 */

/** One error of each code the store can emit: a code added to ChatError fails to compile here until it has one. */
const STORE_ERRORS: Record<ChatErrorCode, ChatError> = {
  offline: { code: 'offline' },
  timeout: { code: 'timeout' },
  server: { code: 'server', status: 503, serverCode: 'unavailable' },
  send_failed: { code: 'send_failed', retryable: true },
  start_failed: { code: 'start_failed' },
  older_failed: { code: 'older_failed' },
  checkout_failed: { code: 'checkout_failed' },
  decline_failed: { code: 'decline_failed' },
  handoff_failed: { code: 'handoff_failed' },
  unsafe_checkout_link: { code: 'unsafe_checkout_link' },
  unsafe_whatsapp_link: { code: 'unsafe_whatsapp_link' },
  not_started: { code: 'not_started' },
}

/**
 * Codes of the widget's routes that only a malformed or foreign request meets, never the widget's own:
 * they read as the generic sentence. Any other code of those routes needs a sentence of its own.
 */
const GENERIC = new Set([
  'invalid_json', // the widget sends JSON it made
  'validation_failed', // blank text is not sent; limits are the composer's (maxlength)
  'idempotency_key_required', // every checkout call carries one
  'idempotency_mismatch', // keys and clientIds are fresh per message and per attempt
  'payload_too_large', // a message is at most 4000 characters
  'forbidden', // a visitor's token reaches only its own conversation and cards
  'not_found', // a lost conversation starts a new one; cards come from the server
])

/** The refusal codes the API documents for the widget's routes (tag `visitor`), read from the OpenAPI document. */
function visitorRefusalCodes(): { clientErrors: string[]; serverErrors: string[] } {
  const document = openApiDocument({ mock: false }) as unknown as {
    paths: Record<
      string,
      Record<string, { tags?: string[]; parameters?: { name: string }[]; responses: Record<string, { description?: string; $ref?: string }> }>
    >
    components: { responses: Record<string, { description: string }> }
  }
  const codes = { clientErrors: new Set<string>(), serverErrors: new Set<string>() }
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (!operation.tags?.includes('visitor')) continue
      // Descriptions name the route's parameters (`before`) and the envelope's `field` too: those are not codes.
      const names = new Set(['field', ...(operation.parameters ?? []).map((p) => p.name)])
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue
        const description = response.$ref ? document.components.responses[response.$ref.split('/').pop()!]!.description : response.description!
        for (const [, code] of description.matchAll(/`([a-z][a-z0-9_]*)`/g)) {
          if (!names.has(code!)) codes[Number(status) < 500 ? 'clientErrors' : 'serverErrors'].add(code!)
        }
      }
    }
  }
  return { clientErrors: [...codes.clientErrors].sort(), serverErrors: [...codes.serverErrors].sort() }
}

const refusal = (serverCode: string, status = 409): ChatError => ({ code: 'server', status, serverCode })
const each = (fn: (locale: Locale, t: ReturnType<typeof translator>) => void) => LOCALES.forEach((locale) => fn(locale, translator(locale)))

describe('every code the store can emit has a sentence in every catalog', () => {
  test.each(Object.values(STORE_ERRORS).map((error) => [error.code, error] as const))('%s', (_, error) => {
    each((locale, t) => {
      const text = errorText(error, t)
      expect(text.trim(), `${locale}: ${error.code}`).not.toBe('')
      if (locale !== 'en') expect(text, `${locale}: ${error.code}`).not.toBe(errorText(error, translator('en')))
    })
  })

  test('the notice that the conversation started again is in every catalog', () => {
    each((locale, t) => expect(t('notice_conversation_restarted'), locale).not.toBe(''))
  })
})

describe('every refusal a visitor can meet from the API reads in their language', () => {
  const { clientErrors, serverErrors } = visitorRefusalCodes()

  test('the API documents refusals for the widget\'s routes (the list is read at all)', () => {
    expect(clientErrors).toEqual(expect.arrayContaining(['message_too_long', 'rate_limited', 'invalid_state', 'partially_paid']))
    expect(serverErrors).toEqual(['internal_error'])
  })

  test.each(clientErrors.filter((code) => !GENERIC.has(code)))('%s has a sentence of its own in every catalog', (code) => {
    each((locale, t) => {
      const text = errorText(refusal(code), t)
      expect(text, `${locale}: ${code}`).not.toBe('')
      expect(text, `${locale}: ${code}`).not.toBe(t('error_generic'))
    })
  })

  test.each([...GENERIC])('%s, which only a request the widget never makes meets, reads as the generic sentence', (code) => {
    expect(clientErrors).toContain(code)
    each((locale, t) => expect(errorText(refusal(code, 400), t)).toBe(t('error_generic')))
  })

  test('a 5xx reads as "the chat service had a problem", whatever its code', () => {
    each((locale, t) => {
      expect(errorText(refusal('internal_error', 500), t)).toBe(t('error_server'))
      expect(errorText(refusal('injected_fault', 503), t)).toBe(t('error_server'))
    })
  })

  test('a code the widget does not know reads as the generic sentence, not the server\'s English', () => {
    each((locale, t) => expect(errorText(refusal('brand_new_refusal', 422), t), locale).toBe(t('error_generic')))
    expect(translator('ja')('error_generic')).not.toMatch(/[A-Za-z]/)
  })
})

test('Japanese and Chinese error sentences hold no Latin words but the name WhatsApp', () => {
  const codes = [...Object.values(STORE_ERRORS), ...visitorRefusalCodes().clientErrors.map((code) => refusal(code))]
  for (const locale of ['ja', 'zh'] as const) {
    const t = translator(locale)
    const latin = codes.map((error) => errorText(error, t).replace(/WhatsApp/g, '')).filter((text) => /[A-Za-z]/.test(text))
    expect(latin, locale).toEqual([])
  }
})
