import { afterEach, describe, expect, test } from 'vitest'
import {
  ApiError,
  NetworkError,
  TimeoutError,
  createClient,
  isApiError,
  isNetworkError,
  isTimeoutError,
} from '../../../src/client/index'
import { errorBody, json, scriptServer, type ScriptServer } from './script-server'

let server: ScriptServer | undefined
afterEach(() => server?.close())

describe('error mapping', () => {
  test('an error answer becomes an ApiError with the server code, sentence, field, method and URL', async () => {
    server = await scriptServer((res) =>
      json(res, 422, errorBody('idempotency_mismatch', 'That clientId was used with other text.', 'clientId')),
    )
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo' })
    const error = await client.sendMessage('conv_1', { clientId: 'c1', text: 'hi' }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(isApiError(error)).toBe(true)
    expect(error).toMatchObject({
      name: 'ApiError',
      status: 422,
      code: 'idempotency_mismatch',
      serverMessage: 'That clientId was used with other text.',
      field: 'clientId',
      method: 'POST',
      url: `${server.url}/v1/conversations/conv_1/messages`,
    })
    expect((error as Error).message).toContain(`POST ${server.url}/v1/conversations/conv_1/messages`)
    expect((error as Error).message).toContain('That clientId was used with other text.')
  })

  test('an error answer that is not the documented JSON still gives an ApiError with an http_<status> code', async () => {
    server = await scriptServer((res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'))
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo', retries: 0 })
    const error = await client.getPaymentRequest('pr_1').catch((e: unknown) => e)

    expect(error).toMatchObject({ name: 'ApiError', status: 502, code: 'http_502', field: null, method: 'GET' })
  })

  test('a success answer that is not JSON is an ApiError invalid_response, not a crash', async () => {
    server = await scriptServer((res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'))
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo' })
    await expect(client.getPaymentRequest('pr_1')).rejects.toMatchObject({ status: 200, code: 'invalid_response' })
  })

  test('a refused connection becomes a NetworkError naming method and URL', async () => {
    server = await scriptServer((res) => json(res, 200, {}))
    const url = server.url
    await server.close()
    server = undefined
    const client = createClient({ apiBase: url, widgetKey: 'wk_demo', retries: 0 })
    const error = await client.getPaymentRequest('pr_1').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(NetworkError)
    expect(isNetworkError(error)).toBe(true)
    expect(error).toMatchObject({ method: 'GET', url: `${url}/v1/payment-requests/pr_1` })
    expect((error as Error).message).toContain(`GET ${url}/v1/payment-requests/pr_1`)
    expect((error as Error).cause).toBeDefined()
  })

  test('with the server down, a GET is tried once and then `retries` more times, and fails as a NetworkError', async () => {
    server = await scriptServer((res) => json(res, 200, {}))
    const url = server.url
    await server.close()
    server = undefined
    let attempts = 0
    const countingFetch: typeof fetch = (input, init) => {
      attempts++
      return fetch(input, init)
    }
    const client = createClient({ apiBase: url, widgetKey: 'wk_demo', retries: 2, fetch: countingFetch })
    const error = await client.getPaymentRequest('pr_1').catch((e: unknown) => e)

    expect(isNetworkError(error)).toBe(true)
    expect(error).toMatchObject({ name: 'NetworkError', method: 'GET', url: `${url}/v1/payment-requests/pr_1` })
    expect(attempts).toBe(3)
  })

  test('no answer within the timeout is a TimeoutError, and is not retried', async () => {
    server = await scriptServer(() => {
      // Never answers.
    })
    const client = createClient({ apiBase: server.url, widgetKey: 'wk_demo', timeout: 100 })
    const error = await client.getPaymentRequest('pr_1').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(TimeoutError)
    expect(isTimeoutError(error)).toBe(true)
    expect(error).toMatchObject({ method: 'GET', url: `${server.url}/v1/payment-requests/pr_1`, timeout: 100 })
    expect((error as Error).message).toContain('timed out after 100 ms')
    expect(server.seen).toHaveLength(1)
  })

  test('ids in paths are encoded, so an id cannot reach another route', async () => {
    server = await scriptServer((res) => json(res, 200, {}))
    const client = createClient({ apiBase: `${server.url}/`, widgetKey: 'wk_demo' })
    await client.getPaymentRequest('../sessions?x=1')
    expect(server.seen[0]?.url).toBe('/v1/payment-requests/..%2Fsessions%3Fx%3D1')
  })
})

describe('guards work across realms and copies', () => {
  test('they check the name and shape, not the prototype', () => {
    expect(isApiError({ name: 'ApiError', status: 409, code: 'invalid_state' })).toBe(true)
    expect(isNetworkError({ name: 'NetworkError', method: 'GET', url: 'x' })).toBe(true)
    expect(isTimeoutError({ name: 'TimeoutError', method: 'GET', url: 'x', timeout: 1 })).toBe(true)
  })

  test('look-alikes from the platform or ky do not pass', () => {
    expect(isTimeoutError(new DOMException('late', 'TimeoutError'))).toBe(false)
    expect(isNetworkError(new DOMException('down', 'NetworkError'))).toBe(false)
    expect(isApiError(new Error('ApiError'))).toBe(false)
    expect(isApiError(null)).toBe(false)
    expect(isApiError(undefined)).toBe(false)
    expect(isTimeoutError('TimeoutError')).toBe(false)
  })
})

describe('options', () => {
  test.each([[''], ['chat.example.com'], ['ftp://chat.example.com'], ['javascript:alert(1)']])(
    'an apiBase of %j is refused with the expected shape in the message',
    (apiBase) => {
      expect(() => createClient({ apiBase, widgetKey: 'wk_demo' })).toThrow(/https:\/\/chat\.example\.com/)
    },
  )
})
