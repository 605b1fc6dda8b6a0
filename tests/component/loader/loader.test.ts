import { fireEvent, waitFor, within } from '@testing-library/preact'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { en } from '../../../src/i18n/catalogs/en'
import { es } from '../../../src/i18n/catalogs/es'
import { ja } from '../../../src/i18n/catalogs/ja'
import { zh } from '../../../src/i18n/catalogs/zh'
import { LAUNCHER_CSS, LAUNCHER_LABELS } from '../../../src/loader/launcher'
import { LOADER_STUB } from '../../../src/loader/stub'
import { createHandlers, createServerState } from '../../../src/server/index'
import css from '../../../src/widget/widget.css?inline'

/** The widget chunk as the loader's import() gets it: the source, behind a gate a test may hold shut. */
const chunk = vi.hoisted(() => ({ urls: [] as string[], gate: Promise.resolve(), fail: false }))
vi.mock('../../../src/loader/import-chunk', () => ({
  importChunk: async (url: URL) => {
    chunk.urls.push(String(url))
    await chunk.gate
    if (chunk.fail) throw new TypeError('Failed to fetch dynamically imported module')
    return import('../../../src/widget/script-entry')
  },
}))

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
  chunk.urls = []
  chunk.gate = Promise.resolve()
  chunk.fail = false
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

/** Holds the chunk back until the returned function is called. */
function holdChunk(): () => void {
  let release!: () => void
  chunk.gate = new Promise((done) => (release = done))
  return release
}

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
/** findByRole that looks again in whichever host is on the page: the widget replaces the loader's. */
const find = (...args: Parameters<ReturnType<typeof ui>['getByRole']>) => waitFor(() => ui().getByRole(...args))
/** The widget (not the loader's stand-in) is mounted: its launcher is a Preact render with a panel behind it. */
const sessionStarted = () => waitFor(() => expect(requests.some((r) => r.endsWith('/v1/sessions'))).toBe(true))
const settle = () => new Promise((done) => setTimeout(done, 50))

test('the stub text queues calls on window.Paychat.q before the script has loaded', () => {
  new Function(LOADER_STUB)()
  window.Paychat!('open')
  window.Paychat!('on', 'ready', () => {})
  expect(Array.from(window.Paychat!.q!, (args) => Array.from(args)[0])).toEqual(['open', 'on'])
})

describe('paychat.js', () => {
  test('draws the launcher itself before the widget chunk has loaded, then the widget takes over in place', async () => {
    const release = holdChunk()
    pasteScript({ src: 'https://cdn.example/paychat.js', 'data-widget-key': 'wk_demo', 'data-api': 'http://paychat.test', 'data-locale': 'es' })
    await loadScript()
    expect(hosts()).toHaveLength(1)
    expect(ui().getByRole('button', { name: 'Abrir chat' })).toBeTruthy()
    // Idle time after load fetches the chunk next to the script; nothing has talked to the API yet.
    await waitFor(() => expect(chunk.urls).toEqual(['https://cdn.example/paychat-widget.js']))
    expect(requests).toEqual([])

    release()
    await waitFor(() => expect(requests).toContain('POST http://paychat.test/v1/sessions'))
    expect(hosts()).toHaveLength(1)
    expect(ui().getAllByRole('button', { name: 'Abrir chat' })).toHaveLength(1)
  })

  test('without data-api the API is the origin the script came from', async () => {
    pasteScript({ src: 'http://paychat.test/widget/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    await waitFor(() => expect(requests).toContain('POST http://paychat.test/v1/sessions'))
    expect(chunk.urls).toEqual(['http://paychat.test/widget/paychat-widget.js'])
  })

  test('with data-defer-session nothing is fetched until the visitor points at the launcher', async () => {
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo', 'data-defer-session': '' })
    await loadScript()
    await settle()
    expect(ui().getByRole('button', { name: 'Open chat' })).toBeTruthy()
    expect(chunk.urls).toEqual([])
    expect(requests).toEqual([])

    fireEvent.pointerEnter(ui().getByRole('button', { name: 'Open chat' }))
    await sessionStarted()
    expect(chunk.urls).toHaveLength(1)
    expect(hosts()).toHaveLength(1)
  })

  test('a click while the chunk loads opens the panel once it has, with the composer', async () => {
    const release = holdChunk()
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo', 'data-defer-session': '' })
    await loadScript()
    ui().getByRole('button', { name: 'Open chat' }).click()
    ui().getByRole('button', { name: 'Open chat' }).click()
    expect(chunk.urls).toHaveLength(1)
    release()
    expect(await find('dialog', { name: 'Acme Coffee' })).toBeTruthy()
    expect(ui().getByRole('textbox', { name: 'Message' })).toBeTruthy()
    expect(hosts()).toHaveLength(1)
  })

  test('data-position and data-color shape the host before and after the takeover; an invalid colour is ignored', async () => {
    const release = holdChunk()
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo', 'data-position': 'left', 'data-color': '#0a7d4f' })
    await loadScript()
    const shape = () => {
      const host = hosts()[0] as HTMLElement
      return [hosts().length, host.dataset.position, host.style.getPropertyValue('--pc-accent')]
    }
    expect(shape()).toEqual([1, 'left', '#0a7d4f'])
    release()
    await sessionStarted()
    expect(shape()).toEqual([1, 'left', '#0a7d4f'])

    window.Paychat!('shutdown')
    delete window.Paychat
    document.body.replaceChildren()
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo', 'data-color': 'red;background:url(x)' })
    await loadScript()
    expect(shape()).toEqual([1, 'right', ''])
  })

  test('commands queued by the stub run once the script has loaded, in order', async () => {
    new Function(LOADER_STUB)()
    const ready = vi.fn()
    window.Paychat!('on', 'ready', ready)
    window.Paychat!('open')
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    expect(await find('dialog', { name: 'Acme Coffee' })).toBeTruthy()
    await waitFor(() => expect(ready).toHaveBeenCalledTimes(1))
  })

  test('on() before the chunk has loaded: handlers are called once it has, and off() still works', async () => {
    const release = holdChunk()
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo', 'data-defer-session': '' })
    await loadScript()
    const ready = vi.fn()
    const opened = vi.fn()
    window.Paychat!('on', 'ready', ready)
    const off = window.Paychat!('on', 'open', opened) as () => void
    expect(() => window.Paychat!('on', 'ready', 'nope')).toThrow('Paychat: on() needs a function.')
    window.Paychat!('open')
    release()
    await find('dialog')
    await waitFor(() => expect(ready).toHaveBeenCalledTimes(1))
    expect(opened).toHaveBeenCalledTimes(1)
    off()
    window.Paychat!('close')
    window.Paychat!('open')
    await find('dialog')
    expect(opened).toHaveBeenCalledTimes(1)
  })

  test('the script included twice mounts one launcher and keeps the first Paychat', async () => {
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    const first = window.Paychat
    await loadScript()
    expect(hosts()).toHaveLength(1)
    await sessionStarted()
    expect(hosts()).toHaveLength(1)
    expect(window.Paychat).toBe(first)
    expect(window.Paychat!['paychat' as never]).toBe(true)
  })

  test('open, close and on drive the widget after load', async () => {
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    await sessionStarted()
    const opened = vi.fn()
    const off = window.Paychat!('on', 'open', opened) as () => void
    window.Paychat!('open')
    await find('dialog')
    window.Paychat!('close')
    await find('button', { name: 'Open chat' })
    off()
    window.Paychat!('open')
    await find('dialog')
    expect(opened).toHaveBeenCalledTimes(1)
  })

  test('shutdown removes the widget, and a later load of the script mounts a fresh one', async () => {
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    await sessionStarted()
    window.Paychat!('shutdown')
    expect(hosts()).toHaveLength(0)
    expect(typeof window.Paychat).toBe('function')

    document.body.replaceChildren()
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_sakura', 'data-locale': 'en' })
    await loadScript()
    expect(hosts()).toHaveLength(1)
    window.Paychat!('open')
    expect(await find('dialog', { name: 'Sakura Tea' })).toBeTruthy()
  })

  test('shutdown while the chunk loads leaves nothing behind and starts no session', async () => {
    const release = holdChunk()
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    window.Paychat!('open')
    window.Paychat!('shutdown')
    release()
    await settle()
    expect(hosts()).toHaveLength(0)
    expect(requests).toEqual([])
  })

  test('a chunk that fails to load is reported, and the next click tries again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    chunk.fail = true
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo', 'data-defer-session': '' })
    await loadScript()
    ui().getByRole('button', { name: 'Open chat' }).click()
    await waitFor(() => expect(error).toHaveBeenCalledWith(expect.objectContaining({ name: 'TypeError' })))
    expect(hosts()).toHaveLength(1)
    chunk.fail = false
    ui().getByRole('button', { name: 'Open chat' }).click()
    expect(await find('dialog')).toBeTruthy()
    expect(chunk.urls).toHaveLength(2)
  })

  test('an unknown command goes to the widget, which names it (queued until it is mounted)', async () => {
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    window.Paychat!('launch' as 'open')
    await waitFor(() => expect(error).toHaveBeenCalledWith('Paychat: unknown command launch'))
  })

  test('data-consent="required": the launcher shows, but no chunk, no request, no storage until consent(true)', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem')
    const getItem = vi.spyOn(Storage.prototype, 'getItem')
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo', 'data-consent': 'required' })
    await loadScript()
    ui().getByRole('button', { name: 'Open chat' }).click()
    window.Paychat!('consent', false)
    window.Paychat!('open')
    await settle()
    expect(hosts()).toHaveLength(1)
    expect(chunk.urls).toEqual([])
    expect(requests).toEqual([])
    expect(setItem).not.toHaveBeenCalled()
    expect(getItem).not.toHaveBeenCalled()
    expect(localStorage.length).toBe(0)

    window.Paychat!('consent', true)
    await sessionStarted()
    // The click before consent is remembered: the chat opens once it may.
    expect(await find('dialog')).toBeTruthy()
    await waitFor(() => expect(localStorage.getItem('paychat:wk_demo:session')).toContain('st_'))
    expect(hosts()).toHaveLength(1)
  })

  test('shutdown forgets the visitor; boot starts a new conversation, with one widget', async () => {
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo' })
    await loadScript()
    const ready = vi.fn()
    window.Paychat!('on', 'ready', ready)
    await waitFor(() => expect(ready).toHaveBeenCalledTimes(1))
    const first = ready.mock.calls[0]![0].conversationId as string
    expect(localStorage.getItem('paychat:wk_demo:session')).toBeTruthy()
    localStorage.setItem('paychat:wk_demo:outbox', '[]')
    localStorage.setItem('host-page', 'kept')

    window.Paychat!('shutdown')
    expect(hosts()).toHaveLength(0)
    expect(localStorage.getItem('paychat:wk_demo:session')).toBeNull()
    expect(localStorage.getItem('paychat:wk_demo:outbox')).toBeNull()
    expect(localStorage.getItem('host-page')).toBe('kept')

    const again = vi.fn()
    window.Paychat!('boot')
    window.Paychat!('on', 'ready', again)
    window.Paychat!('open')
    await waitFor(() => expect(again).toHaveBeenCalledTimes(1))
    expect(again.mock.calls[0]![0].conversationId).not.toBe(first)
    expect(hosts()).toHaveLength(1)
    expect(requests.filter((r) => r.endsWith('/v1/sessions'))).toHaveLength(2)
  })

  test('boot with { name, email, userHash } and identify are forwarded to the widget, which calls POST /v1/identify', async () => {
    const { hmacSha256Hex } = await import('../../../src/server/whatsapp/signature')
    const userHash = await hmacSha256Hex('idv_demo_acme', 'ana@example.com')
    pasteScript({ src: 'http://paychat.test/paychat.js', 'data-widget-key': 'wk_demo', 'data-defer-session': '' })
    await loadScript()
    window.Paychat!('shutdown')
    window.Paychat!('boot', { name: 'Ana', email: 'ana@example.com', userHash })
    window.Paychat!('open')
    await waitFor(() => expect(requests).toContain('POST http://paychat.test/v1/identify'))
    // boot with options on a mounted widget identifies too (no second widget).
    window.Paychat!('boot', { name: 'Ana', email: 'ana@example.com', userHash })
    await waitFor(() => expect(requests.filter((r) => r.endsWith('/v1/identify'))).toHaveLength(2))
    expect(hosts()).toHaveLength(1)
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    window.Paychat!('identify', { email: 'ana@example.com', userHash: 'wrong' })
    await waitFor(() => expect(error).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('identity_invalid') })))
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

describe("the loader's stand-in launcher", () => {
  test('is labelled with each catalog\'s "openChat"', () => {
    expect(LAUNCHER_LABELS).toEqual({ en: en.openChat, ja: ja.openChat, es: es.openChat, zh: zh.openChat })
  })

  /** `selector{declarations}` pairs, media queries flattened into the selector. */
  function rules(sheet: string): Array<[string, string[]]> {
    const out: Array<[string, string[]]> = []
    // Both as the build minifies them: no comments, no space around punctuation.
    const flat = sheet.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s*([{}:;,!])\s*/g, '$1').replace(/;}/g, '}')
    for (const [, media, body] of flat.matchAll(/(@media[^{]+)?\{?([^@]*?\}\}?)/g)) {
      for (const [, selector, declarations] of body!.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
        for (const one of selector!.split(',')) out.push([`${media ?? ''} ${one.trim()}`.trim(), declarations!.split(';')])
      }
    }
    return out
  }

  test('has the look of the widget\'s launcher: every declaration it sets, the widget sets for the same selector', () => {
    const widget = rules(css)
    const missing = rules(LAUNCHER_CSS).flatMap(([selector, declarations]) =>
      declarations
        .filter((d) => d !== 'cursor:pointer' || selector !== '.pc-launcher') // the widget sets it on every button
        .filter((d) => !widget.some(([s, ds]) => s === selector && ds.includes(d)))
        .map((d) => `${selector} { ${d} }`),
    )
    expect(missing).toEqual([])
  })
})
