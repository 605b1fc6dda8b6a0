import { expect, test, vi } from 'vitest'

test('importing the package entry has no side effects: no element, no global, no listener, no request', async () => {
  const globals = new Set(Object.getOwnPropertyNames(globalThis))
  const head = document.head.innerHTML
  const body = document.body.innerHTML
  const fetchSpy = vi.spyOn(globalThis, 'fetch')
  const listen = vi.spyOn(window, 'addEventListener')
  const define = vi.spyOn(customElements, 'define')

  vi.resetModules()
  const entry = await import('../../../src/index')

  expect(typeof entry.createWidget).toBe('function')
  expect(document.head.innerHTML).toBe(head)
  expect(document.body.innerHTML).toBe(body)
  expect(document.querySelector('paychat-widget')).toBeNull()
  expect(Object.getOwnPropertyNames(globalThis).filter((name) => !globals.has(name))).toEqual([])
  expect(fetchSpy).not.toHaveBeenCalled()
  expect(listen).not.toHaveBeenCalled()
  expect(define).not.toHaveBeenCalled()
  vi.restoreAllMocks()
})
