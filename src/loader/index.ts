import { createWidget, type PaychatWidget } from '../widget/create-widget'

/**
 * `paychat.js`: the script a website owner pastes. It reads its own data- attributes, replays the
 * commands queued by the stub (`LOADER_STUB` in ./stub), and defines `window.Paychat`, the only
 * global it adds.
 */

/** Marks our `window.Paychat`, so a second copy of the script on the page recognises the first. */
const LOADED = Symbol.for('paychat.widget')

type Command = 'open' | 'close' | 'on' | 'shutdown' | 'boot'
type PaychatFunction = ((command: Command, ...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[]; [LOADED]?: true }
declare global {
  interface Window {
    Paychat?: PaychatFunction
  }
}

function install() {
  if (window.Paychat?.[LOADED]) return
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    [...document.querySelectorAll<HTMLScriptElement>('script[data-widget-key]')].pop()
  const data = script?.dataset
  if (!script || !data?.widgetKey) {
    console.error('Paychat: add data-widget-key="…" to the script tag, e.g. <script async src=".../paychat.js" data-widget-key="wk_demo"></script>')
    return
  }
  const queued = window.Paychat?.q ?? []
  let widget: PaychatWidget | null = null

  const boot = () => {
    // (Re)branded whenever a widget may live, so a second copy of the script stays out.
    Paychat[LOADED] = true
    return (widget ??= createWidget({
      widgetKey: data.widgetKey!,
      apiBase: data.api ?? new URL(script.src, location.href).origin,
      ...(data.locale ? { locale: data.locale } : {}),
      ...(data.position === 'left' ? { position: 'left' as const } : {}),
      ...(data.color ? { color: data.color } : {}),
    }))
  }

  const Paychat: PaychatFunction = (command, ...args) => {
    switch (command) {
      case 'boot':
        boot()
        return
      case 'open':
        return boot().open()
      case 'close':
        return widget?.close()
      case 'on':
        return boot().on(args[0] as 'ready', args[1] as () => void)
      case 'shutdown':
        widget?.destroy()
        widget = null
        // Unbranded, a later copy of the script (say, with another widget key) may take over.
        delete Paychat[LOADED]
        return
      default:
        console.error(`Paychat: unknown command ${JSON.stringify(command)}; use "open", "close", "on", "shutdown" or "boot".`)
    }
  }
  window.Paychat = Paychat
  boot()
  for (const args of Array.from(queued)) Paychat(...(Array.from(args) as [Command, ...unknown[]]))
}

install()
