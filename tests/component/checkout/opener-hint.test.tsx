import { afterEach, expect, test, vi } from 'vitest'
import { browserHost } from '../../../src/checkout/host'

afterEach(() => {
  Reflect.deleteProperty(window, 'opener')
})

test('the opener is told which payment request to refetch, at the origin that opened the checkout, and nothing else', () => {
  const postMessage = vi.fn()
  Object.defineProperty(window, 'opener', { value: { postMessage }, configurable: true })
  browserHost.notifyOpener('pr_123', 'https://shop.example')
  expect(postMessage).toHaveBeenCalledWith({ type: 'paychat:checkout', paymentRequestId: 'pr_123' }, 'https://shop.example')
})

test('a checkout opened without an opener tells no one and does not fail', () => {
  Object.defineProperty(window, 'opener', { value: null, configurable: true })
  expect(() => browserHost.notifyOpener('pr_123', 'https://shop.example')).not.toThrow()
})
