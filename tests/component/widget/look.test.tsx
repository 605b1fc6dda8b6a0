import { fireEvent, waitFor, within } from '@testing-library/preact'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { createHandlers, createServerState } from '../../../src/server/index'
import type { KeyValueStorage, PaychatEventMap } from '../../../src/store/types'
import { createWidget, type PaychatWidget, type WidgetOptions } from '../../../src/widget/create-widget'
import { mount } from '../../../src/widget/script-entry'

/**
 * Look and placement (issue 7): each option as a createWidget option and as a script attribute, what
 * it does to the host and the launcher, invalid values ignored with a warning, the unread count and
 * its event, the optional sound, and the panel following the visual viewport.
 */

const apiBase = 'http://paychat.test'
const server = setupServer()
let warnings: string[] = []

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  warnings = []
  vi.spyOn(console, 'warn').mockImplementation((text: string) => void warnings.push(text))
  server.use(...createHandlers({ state: createServerState() }))
})
const mounted: PaychatWidget[] = []
afterEach(() => {
  for (const widget of mounted.splice(0)) widget.destroy()
  server.resetHandlers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})
afterAll(() => server.close())

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>()
  return { getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) }
}

async function operator(path: string, body: unknown) {
  const res = await fetch(`${apiBase}/v1/operator${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer op_demo', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path} -> ${res.status} ${await res.text()}`)
}

/** A widget on the reference server, with its host, shadow root and every unread/open/close event. */
async function widget(options: Partial<WidgetOptions> = {}, instance?: PaychatWidget) {
  const events: Array<[string, unknown]> = []
  const chat = instance ?? createWidget({ widgetKey: 'wk_demo', apiBase, storage: memoryStorage(), locale: 'en', ...options })
  mounted.push(chat)
  for (const name of ['unread', 'open', 'close'] as const) chat.on(name, (payload) => events.push([name, payload]))
  const conversationId = await new Promise<string>((done) => chat.on('ready', ({ conversationId }) => done(conversationId)))
  const host = options.target?.querySelector('paychat-widget') ?? (document.querySelector('paychat-widget') as HTMLElement)
  const root = host.shadowRoot!
  return { chat, host: host as HTMLElement, root, ui: within(root as unknown as HTMLElement), conversationId, events }
}

const prop = (host: HTMLElement, name: string) => host.style.getPropertyValue(name)

describe('createWidget options', () => {
  test('position, color, offset and zIndex become the host\'s data-position and custom properties', async () => {
    const w = await widget({ position: 'left', color: '#0a7d4f', offset: [24, 80], zIndex: 1000 })
    expect(w.host.dataset.position).toBe('left')
    expect([prop(w.host, '--pc-accent'), prop(w.host, '--pc-offset-x'), prop(w.host, '--pc-offset-y'), prop(w.host, '--pc-z-index')]).toEqual([
      '#0a7d4f',
      '24px',
      '80px',
      '1000',
    ])
    expect(warnings).toEqual([])
  })

  test('one offset number is both distances', async () => {
    const w = await widget({ offset: 32 })
    expect([prop(w.host, '--pc-offset-x'), prop(w.host, '--pc-offset-y')]).toEqual(['32px', '32px'])
  })

  test('the stylesheet places the host by those properties, with the old defaults when they are absent', async () => {
    const w = await widget()
    const sheet = [...w.root.adoptedStyleSheets[0]!.cssRules].map((rule) => rule.cssText).join('\n')
    expect(sheet).toContain('bottom: var(--pc-offset-y, 20px)')
    expect(sheet).toContain('right: var(--pc-offset-x, 20px)')
    expect(sheet).toContain('z-index: var(--pc-z-index, 2147483000)')
  })

  test('label names the launcher and shows beside its icon', async () => {
    const w = await widget({ label: 'Questions?' })
    const launcher = w.ui.getByRole('button', { name: 'Questions?' })
    expect(launcher.querySelector('span')?.textContent).toBe('Questions?')
  })

  test('without a label the launcher is the round icon named "Open chat", with no text', async () => {
    const w = await widget()
    expect(w.ui.getByRole('button', { name: 'Open chat' }).querySelector('span')).toBeNull()
  })

  test('open: the panel is open once mounted, without taking focus from the page or firing "open"', async () => {
    const field = document.body.appendChild(document.createElement('input'))
    field.focus()
    const w = await widget({ open: true })
    expect(await w.ui.findByRole('dialog', { name: 'Acme Coffee' })).toBeTruthy()
    expect(document.activeElement).toBe(field)
    expect(w.root.activeElement).toBeNull()
    expect(w.events).toEqual([])
    // Closing and opening again is the visitor's doing: focus goes in as usual.
    fireEvent.click(w.ui.getByRole('button', { name: 'Close chat' }))
    fireEvent.click(await w.ui.findByRole('button', { name: 'Open chat' }))
    await waitFor(() => expect(w.root.activeElement).toBe(w.ui.getByRole('textbox', { name: 'Message' })))
  })

  test('inline: the open chat renders in the target as a region, with no launcher and no close button', async () => {
    const target = document.body.appendChild(document.createElement('div'))
    const w = await widget({ inline: true, target })
    expect(w.host.parentElement).toBe(target)
    expect(w.host.dataset.inline).toBe('')
    const region = await w.ui.findByRole('region', { name: 'Acme Coffee' })
    expect(region.querySelector('textarea')).toBeTruthy()
    expect(w.ui.queryByRole('button', { name: 'Close chat' })).toBeNull()
    expect(w.ui.queryByRole('button', { name: 'Open chat' })).toBeNull()
    // The page's focus stays where it was: an embedded chat does not grab it on load.
    expect(w.root.activeElement).toBeNull()
    w.chat.close()
    fireEvent.keyDown(region, { key: 'Escape' })
    expect(await w.ui.findByRole('region', { name: 'Acme Coffee' })).toBeTruthy()
  })

  test('theme: a scheme sets data-scheme on the host; "auto" and none follow the system', async () => {
    const dark = await widget({ theme: 'dark' })
    expect(dark.host.dataset.scheme).toBe('dark')
    dark.chat.destroy()
    const light = await widget({ theme: { scheme: 'light' } })
    expect(light.host.dataset.scheme).toBe('light')
    light.chat.destroy()
    const auto = await widget({ theme: 'auto' })
    expect(auto.host.dataset.scheme).toBe('auto')
    expect(warnings).toEqual([])
  })

  test('theme: --pc-* custom properties are set on the host through the CSSOM; color wins over the theme\'s accent', async () => {
    const w = await widget({ theme: { scheme: 'dark', '--pc-bg': '#101418', '--pc-radius': '4px', '--pc-accent': '#111111' }, color: '#0a7d4f' })
    expect([prop(w.host, '--pc-bg'), prop(w.host, '--pc-radius'), prop(w.host, '--pc-accent')]).toEqual(['#101418', '4px', '#0a7d4f'])
    // Through the CSSOM, not a style attribute written as text (which a strict CSP would refuse).
    expect(w.host.dataset.scheme).toBe('dark')
  })

  test('the theme\'s accent, like color, keeps the brand\'s colour from replacing it', async () => {
    const w = await widget({ theme: { '--pc-accent': '#123456' } })
    await w.ui.findByRole('button', { name: 'Open chat' })
    expect(prop(w.host, '--pc-accent')).toBe('#123456')
  })

  test.each<[string, Partial<WidgetOptions>, RegExp]>([
    ['position', { position: 'top' as 'left' }, /^Paychat: position "top" is ignored: it must match/],
    ['color', { color: 'red; background: url(x)' }, /^Paychat: color "red; background: url\(x\)" is ignored/],
    ['offset', { offset: -5 }, /^Paychat: offset "-5" is ignored/],
    ['offset (three numbers)', { offset: [1, 2, 3] as unknown as number }, /^Paychat: offset "1 2 3" is ignored/],
    ['zIndex', { zIndex: 1.5 }, /^Paychat: zIndex "1.5" is ignored/],
    ['label', { label: '   ' }, /^Paychat: label "   " is ignored/],
    ['open', { open: 'yes' as unknown as boolean }, /^Paychat: open "yes" is ignored/],
    ['sound', { sound: 1 as unknown as boolean }, /^Paychat: sound "1" is ignored/],
    ['theme', { theme: 'sepia' as 'dark' }, /^Paychat: theme "sepia" is ignored/],
    ['a theme property it does not have', { theme: { '--pc-shadow': 'none' } as never }, /^Paychat: theme --pc-shadow "none" is ignored/],
    ['a theme property that is not CSS', { theme: { '--pc-bg': '#fff; color: red' } }, /^Paychat: theme --pc-bg "#fff; color: red" is ignored/],
    ['inline without a target', { inline: true }, /^Paychat: inline true is ignored/],
    ['inline that is not a boolean', { inline: 'yes' as unknown as boolean }, /^Paychat: inline "yes" is ignored/],
  ])('an invalid %s is ignored with a console warning, and the widget works with the default', async (_, options, message) => {
    // happy-dom's CSS.supports says yes to everything; a browser's refuses what cannot be a value.
    vi.stubGlobal('CSS', { supports: (_name: string, value?: string) => !/[;{}]/.test(value ?? '') })
    const w = await widget(options)
    expect(warnings).toEqual([expect.stringMatching(message)])
    expect(w.host.dataset.position).toBe('right')
    expect(w.host.dataset.scheme).toBeUndefined()
    expect(w.host.dataset.inline).toBeUndefined()
    for (const name of ['--pc-offset-x', '--pc-z-index', '--pc-bg', '--pc-shadow']) expect(prop(w.host, name)).toBe('')
    // The brand's colour, since the given one was refused.
    expect(prop(w.host, '--pc-accent')).toBe('#7a3e1d')
    expect(w.ui.getByRole('button', { name: 'Open chat' }).querySelector('span')).toBeNull()
    expect(w.ui.queryByRole('dialog')).toBeNull()
  })
})

describe('script tag attributes (the chunk reads them: src/widget/script-entry.ts)', () => {
  /** The loader's hand-over: the script tag's dataset and its URL. */
  async function fromScript(attributes: Record<string, string>) {
    const script = document.createElement('script')
    for (const [name, value] of Object.entries({ 'data-widget-key': 'wk_demo', 'data-api': apiBase, 'data-locale': 'en', ...attributes })) {
      script.setAttribute(name, value)
    }
    const chat = await mount(script.dataset, 'https://cdn.example/paychat.js', null)
    return widget({}, chat as unknown as PaychatWidget)
  }

  test('data-position, data-color, data-offset, data-z-index, data-label and data-theme', async () => {
    const w = await fromScript({
      'data-position': 'left',
      'data-color': '#0a7d4f',
      'data-offset': '24 80',
      'data-z-index': '10',
      'data-label': 'Chat with us',
      'data-theme': 'dark',
    })
    expect([w.host.dataset.position, w.host.dataset.scheme]).toEqual(['left', 'dark'])
    expect(['--pc-accent', '--pc-offset-x', '--pc-offset-y', '--pc-z-index'].map((name) => prop(w.host, name))).toEqual(['#0a7d4f', '24px', '80px', '10'])
    expect(w.ui.getByRole('button', { name: 'Chat with us' })).toBeTruthy()
    expect(warnings).toEqual([])
  })

  test('data-open (present, or "true") opens the chat once mounted; "false" does not', async () => {
    const open = await fromScript({ 'data-open': '' })
    expect(open.ui.getByRole('dialog')).toBeTruthy()
    open.chat.destroy()
    const closed = await fromScript({ 'data-open': 'false' })
    expect(closed.ui.queryByRole('dialog')).toBeNull()
    expect(warnings).toEqual([])
  })

  test('data-inline="#chat" renders in that element', async () => {
    const target = document.body.appendChild(document.createElement('section'))
    target.id = 'chat'
    const w = await fromScript({ 'data-inline': '#chat' })
    expect(w.host.parentElement).toBe(target)
    expect(await w.ui.findByRole('region', { name: 'Acme Coffee' })).toBeTruthy()
  })

  test.each([
    ['data-inline that matches nothing', { 'data-inline': '#nowhere' }, /^Paychat: inline "#nowhere" is ignored/],
    ['data-inline that is not a selector', { 'data-inline': '' }, /^Paychat: inline "" is ignored/],
    ['data-offset in another unit', { 'data-offset': '2em' }, /^Paychat: offset "2em" is ignored/],
    ['data-z-index that is not a number', { 'data-z-index': 'top' }, /^Paychat: zIndex "top" is ignored/],
    ['data-theme with an unknown scheme', { 'data-theme': 'blue' }, /^Paychat: theme "blue" is ignored/],
    ['data-sound with a word', { 'data-sound': 'loud' }, /^Paychat: sound "loud" is ignored/],
    ['data-color by name', { 'data-color': 'green' }, /^Paychat: color "green" is ignored/],
  ])('%s is ignored with a console warning; the chat floats at the default place', async (_, attributes, message) => {
    const w = await fromScript(attributes)
    expect(warnings).toEqual([expect.stringMatching(message)])
    expect(w.host.parentElement).toBe(document.body)
    expect(['--pc-offset-x', '--pc-z-index'].map((name) => prop(w.host, name))).toEqual(['', ''])
    expect(w.ui.getByRole('button', { name: 'Open chat' })).toBeTruthy()
  })
})

describe('unread', () => {
  const reply = (w: { conversationId: string }, text: string) => operator(`/conversations/${w.conversationId}/messages`, { text })
  const unread = (w: { events: Array<[string, unknown]> }) => w.events.filter(([name]) => name === 'unread').map(([, payload]) => payload)

  test('operator messages while closed count on the launcher and in "unread"; opening resets to 0', async () => {
    const w = await widget()
    await reply(w, 'Hello?')
    const badge = await waitFor(() => {
      const shown = w.root.querySelector('.pc-badge')
      if (!shown) throw new Error('no badge yet')
      return shown
    })
    expect(badge.textContent).toBe('1')
    await reply(w, 'Still there?')
    await waitFor(() => expect(w.root.querySelector('.pc-badge')?.textContent).toBe('2'))
    // The count is in the launcher's name; the badge itself is hidden from assistive technology.
    expect(w.ui.getByRole('button', { name: 'Open chat (New messages: 2)' })).toBeTruthy()
    expect(badge.getAttribute('aria-hidden')).toBe('true')
    expect(unread(w)).toEqual<PaychatEventMap['unread'][]>([{ count: 1 }, { count: 2 }])

    fireEvent.click(w.ui.getByRole('button', { name: 'Open chat (New messages: 2)' }))
    await w.ui.findByRole('dialog')
    expect(unread(w)).toEqual([{ count: 1 }, { count: 2 }, { count: 0 }])
    // While open, nothing is unread.
    await reply(w, 'Ah, there you are.')
    await w.ui.findByText('Ah, there you are.')
    w.chat.close()
    await w.ui.findByRole('button', { name: 'Open chat' })
    expect(w.root.querySelector('.pc-badge')).toBeNull()
    expect(unread(w)).toEqual([{ count: 1 }, { count: 2 }, { count: 0 }])
  })

  test('open() through the API resets it too; the visitor\'s own messages never count', async () => {
    const w = await widget()
    await reply(w, 'One')
    await waitFor(() => expect(unread(w)).toEqual([{ count: 1 }]))
    w.chat.open()
    await w.ui.findByRole('dialog')
    expect(unread(w)).toEqual([{ count: 1 }, { count: 0 }])
    const textbox = w.ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    fireEvent.input(textbox, { target: { value: 'Mine' } })
    fireEvent.keyDown(textbox, { key: 'Enter' })
    w.chat.close()
    await new Promise((done) => setTimeout(done, 100))
    expect(unread(w)).toEqual([{ count: 1 }, { count: 0 }])
  })

  test('a large count shows as 99+', async () => {
    const w = await widget()
    for (let i = 0; i < 100; i++) await reply(w, `#${i}`)
    await waitFor(() => expect(w.root.querySelector('.pc-badge')?.textContent).toBe('99+'))
    expect(unread(w).at(-1)).toEqual({ count: 100 })
  })
})

describe('sound', () => {
  /** A stand-in for WebAudio that records what is made and started. */
  function fakeAudio() {
    const made: string[] = []
    const node = () => ({ connect: (next: unknown) => next, gain: { value: 1, setTargetAtTime: () => {} } })
    class FakeAudioContext {
      currentTime = 0
      destination = {}
      constructor() {
        made.push('context')
      }
      createGain() {
        return node()
      }
      createOscillator() {
        return { ...node(), start: () => made.push('start'), stop: () => made.push('stop'), onended: null }
      }
      close() {
        return Promise.resolve()
      }
    }
    vi.stubGlobal('AudioContext', FakeAudioContext)
    return made
  }
  const reply = (w: { conversationId: string }) => operator(`/conversations/${w.conversationId}/messages`, { text: 'Ding?' })

  test('is off by default: a message while closed makes no AudioContext', async () => {
    const made = fakeAudio()
    const w = await widget()
    await reply(w)
    await waitFor(() => expect(w.root.querySelector('.pc-badge')).toBeTruthy())
    expect(made).toEqual([])
  })

  test('with sound on, a message while closed beeps once (no audio file: an oscillator)', async () => {
    const made = fakeAudio()
    const w = await widget({ sound: true })
    await reply(w)
    await waitFor(() => expect(made).toEqual(['context', 'start', 'stop']))
  })

  test('with sound on, a message while open is not beeped', async () => {
    const made = fakeAudio()
    const w = await widget({ sound: true, open: true })
    await reply(w)
    await w.ui.findByText('Ding?')
    expect(made).toEqual([])
  })
})

describe('visual viewport', () => {
  test('its height and offset are the host\'s --pc-vh and --pc-vt, kept up to date (the on-screen keyboard shrinks it)', async () => {
    const viewport = Object.assign(new EventTarget(), { height: 667, offsetTop: 0 })
    vi.stubGlobal('visualViewport', viewport)
    const w = await widget()
    expect([prop(w.host, '--pc-vh'), prop(w.host, '--pc-vt')]).toEqual(['667px', '0px'])
    Object.assign(viewport, { height: 360, offsetTop: 12 })
    viewport.dispatchEvent(new Event('resize'))
    expect([prop(w.host, '--pc-vh'), prop(w.host, '--pc-vt')]).toEqual(['360px', '12px'])
    w.chat.destroy()
    Object.assign(viewport, { height: 500 })
    viewport.dispatchEvent(new Event('resize'))
    expect(prop(w.host, '--pc-vh')).toBe('360px')
  })
})
