import { afterEach, describe, expect, test } from 'vitest'
import { CheckoutApiError, createCheckoutApi } from '../../../src/checkout/checkout-api'
import type { CheckoutPayBody } from '../../../src/protocol/types'
import { errorBody, json, scriptServer, type ScriptServer } from '../client/script-server'

let server: ScriptServer | undefined
afterEach(() => server?.close())

const card: CheckoutPayBody = { name: 'Grace Hopper', number: '4242 4242 4242 4242', expMonth: 12, expYear: 2034, cvc: '123' }

describe('the checkout page\'s API calls, through ky', () => {
  test('reading the session is retried after a 503, with no-store and JSON asked for', async () => {
    server = await scriptServer((res, _request, index) =>
      index === 0 ? json(res, 503, errorBody('unavailable', 'Down.')) : json(res, 200, { id: 'cs_1' }),
    )
    await expect(createCheckoutApi(server.url).getSession('cs_1')).resolves.toEqual({ id: 'cs_1' })
    expect(server.seen.map((r) => r.url)).toEqual(['/v1/checkout/sessions/cs_1', '/v1/checkout/sessions/cs_1'])
    expect(server.seen[0]?.headers.accept).toBe('application/json')
  })

  test('a pay answered 503 is not retried, and the refusal keeps the server\'s code, sentence and field', async () => {
    server = await scriptServer((res) => json(res, 503, errorBody('gateway_unavailable', 'Try again shortly.', 'number')))
    const error = await createCheckoutApi(server.url).pay('cs_1', card, 'attempt-1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CheckoutApiError)
    expect(error).toMatchObject({ status: 503, code: 'gateway_unavailable', message: 'Try again shortly.', field: 'number' })
    expect(server.seen).toHaveLength(1)
    expect(JSON.parse(server.seen[0]!.body)).toEqual(card)
    expect(server.seen[0]?.headers['idempotency-key']).toBe('attempt-1')
  })

  test('with the server down, a call fails as network_error (status 0)', async () => {
    server = await scriptServer((res) => json(res, 200, {}))
    const url = server.url
    await server.close()
    server = undefined
    await expect(createCheckoutApi(url).cancel('cs_1', 'payer')).rejects.toMatchObject({ status: 0, code: 'network_error' })
  })
})
