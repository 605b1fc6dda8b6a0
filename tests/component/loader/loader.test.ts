import { waitFor, within } from '@testing-library/preact'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { LOADER_STUB } from '../../../src/loader/stub'
import { createHandlers, createServerState } from '../../../src/server/index'

const server = setupServer()
let requests: string[] = []
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${request.url}`)
  })
})
beforeEach(() => {
  requests = []
  server.use(...createHandlers({ state: createServerState() }))
})
afterEach(() => {
  window.Paychat?.('shutdown')
  delete window.Paychat
  server.resetHandlers()
  vi.restoreAllMocks()
  localStorage.clear()
  document.body.replaceChildren()
})
afterAll(() => server.close())

/** The script tag as a website owner pastes it (not executed by happy-dom: the test imports the loader). */
function pasteScript(attributes: Record<string, string>) {
  const script = document.createElement('script')
  script.type = 'text/x-paychat-test'
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  document.body.append(script)
  return script
}

/** Runs `paychat.js` as the browser would: a fresh module evaluation each time. */
async function loadScript() {
  vi.resetModules()
  await import('../../../src/loader/index')
}

const hosts = () => document.querySelectorAll('paychat-widget')
const ui = () => within(hosts()[0]!.shadowRoot as unknown as HTMLElement)

test('the stub text queues calls on window.Paychat.q before the script has loaded', () => {
  new Function(LOADER_STUB)()
  window.Paychat!('open')
  window.Paychat!('on', 'ready', () => {})
  expect(Array.from(window.Paychat!.q!, (args) => Array.from(args)[0])).toEqual(['open', 'on'])
})

describe('paychat.js', () => {
  test('mounts one launcher for the data-widget-key, talking to the data-api origin', async () => {
    pasteScript({ src: 'https://cdn.example/paychat.js', 'data-widget-key': 'wk_demo', 'data-api': 'http://paychat.test', 'data-locale': 'es' })
    await loadScript()
    expect(hosts()).toHaveLength(1)
    expect(ui().getByRole('button', { name: 'Abrir chat' })).toBeTruthy()
    await waitFor(() => expect(requests).toContain('POST http://paychat.test/v1/sessions'))
  })

  test('without data-api the API is the origin the script came from', async () => {
    pasteScript({ src: 'http://paychat.test/widget/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    await waitFor(() => expect(requests).toContain('POST http://paychat.test/v1/sessions'))
  })

  test('data-position and data-color shape the host; an invalid colour is ignored', async () => {
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo', 'data-position': 'left', 'data-color': '#0a7d4f' })
    await loadScript()
    const host = hosts()[0] as HTMLElement
    expect(host.dataset.position).toBe('left')
    expect(host.style.getPropertyValue('--pc-accent')).toBe('#0a7d4f')
  })

  test('commands queued by the stub run once the script has loaded, in order', async () => {
    new Function(LOADER_STUB)()
    const ready = vi.fn()
    window.Paychat!('on', 'ready', ready)
    window.Paychat!('open')
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    expect(await ui().findByRole('dialog', { name: 'Acme Coffee' })).toBeTruthy()
    await waitFor(() => expect(ready).toHaveBeenCalledTimes(1))
  })

  test('the script included twice mounts one widget and keeps the first Paychat', async () => {
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    const first = window.Paychat
    await loadScript()
    expect(hosts()).toHaveLength(1)
    expect(window.Paychat).toBe(first)
    expect(window.Paychat![Symbol.for('paychat.widget') as never]).toBe(true)
  })

  test('open, close and on drive the widget after load', async () => {
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    const opened = vi.fn()
    const off = window.Paychat!('on', 'open', opened) as () => void
    window.Paychat!('open')
    await ui().findByRole('dialog')
    window.Paychat!('close')
    await ui().findByRole('button', { name: 'Open chat' })
    off()
    window.Paychat!('open')
    await ui().findByRole('dialog')
    expect(opened).toHaveBeenCalledTimes(1)
  })

  test('shutdown removes the widget, and a later load of the script mounts a fresh one', async () => {
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    window.Paychat!('shutdown')
    expect(hosts()).toHaveLength(0)
    expect(typeof window.Paychat).toBe('function')

    document.body.replaceChildren()
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_sakura', 'data-locale': 'en' })
    await loadScript()
    expect(hosts()).toHaveLength(1)
    window.Paychat!('open')
    expect(await ui().findByRole('dialog', { name: 'Sakura Tea' })).toBeTruthy()
  })

  test('an unknown command says which ones exist', async () => {
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    window.Paychat!('launch' as 'open')
    expect(error).toHaveBeenCalledWith(expect.stringContaining('use "open", "close", "on", "shutdown"'))
  })

  test('a script tag without data-widget-key explains what is missing and mounts nothing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    pasteScript({ src: 'http://paychat.test/paychat.js' })
    await loadScript()
    expect(hosts()).toHaveLength(0)
    expect(window.Paychat).toBeUndefined()
    expect(error).toHaveBeenCalledWith(expect.stringContaining('data-widget-key="…"'))
  })
})
