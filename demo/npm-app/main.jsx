/**
 * A developer's app using the npm package: a product page written with Preact that mounts the chat
 * with `createWidget` and opens it from its own button.
 *
 * `import … from 'paychat'` is the package's public entry, exactly what an app that ran
 * `npm install paychat` writes; its bundler then takes `dist/lib/index.js` from the package's
 * `exports`. In this repository vite.config.ts aliases 'paychat' to `src/index.ts`, the source that
 * `dist/lib/index.js` is built from, so the demo builds before the package does.
 *
 * Plain JSX rather than TSX, so that the repository's type check (which runs before the build) does
 * not need the built package; tests/unit/package-types.test.ts checks this file against the built
 * declarations instead, with `checkJs`, as a JavaScript project in an editor would.
 */
import { render } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { createWidget } from 'paychat'

/**
 * The chat for as long as the component is mounted: created on mount (in the browser, never during
 * server rendering), destroyed on unmount, with the widget's events as state.
 */
function useChat() {
  /** @type {import('preact').RefObject<import('paychat').PaychatWidget | null>} */
  const widget = useRef(null)
  const [status, setStatus] = useState(/** @type {'connecting' | 'ready' | 'open' | 'closed'} */ ('connecting'))
  const [lastReply, setLastReply] = useState(/** @type {string | null} */ (null))

  useEffect(() => {
    const chat = createWidget({
      widgetKey: 'wk_demo',
      // The reference server serves this page and the API from one origin.
      apiBase: location.origin,
      label: 'Questions?',
    })
    widget.current = chat
    const stop = [
      chat.on('ready', () => setStatus((now) => (now === 'connecting' ? 'ready' : now))),
      chat.on('open', () => setStatus('open')),
      chat.on('close', () => setStatus('closed')),
      chat.on('message', (message) => setLastReply(message.text || null)),
    ]
    return () => {
      for (const off of stop) off()
      chat.destroy()
      widget.current = null
    }
  }, [])

  return { open: () => widget.current?.open(), status, lastReply }
}

const STATUS = {
  connecting: 'Connecting to the chat…',
  ready: 'A roaster is online and happy to help.',
  open: 'The chat is open.',
  closed: 'The chat is closed; it keeps your conversation.',
}

function ProductPage() {
  const chat = useChat()
  return (
    <>
      <header class="site-header">
        <a class="logo" href="/" aria-label="Acme Coffee, home">
          <svg class="logo-mark" viewBox="0 0 32 32" aria-hidden="true">
            <ellipse cx="16" cy="16" rx="10" ry="14" fill="#7a3e1d" transform="rotate(30 16 16)" />
            <path d="M10 26 C 16 18, 16 14, 22 6" stroke="#f4e9dc" stroke-width="2" fill="none" />
          </svg>
          Acme Coffee
        </a>
        <nav aria-label="Main">
          <a href="/">Shop</a>
          <a href="/inline">Help centre</a>
        </nav>
      </header>

      <main class="product-page">
        <svg class="product-hero" viewBox="0 0 240 240" aria-hidden="true">
          <rect width="240" height="240" rx="24" fill="#f1e3d3" />
          <rect x="88" y="86" width="64" height="112" rx="10" fill="#7a3e1d" />
          <rect x="96" y="66" width="48" height="24" rx="6" fill="#5a2c14" />
          <path d="M120 66 V40 H170" stroke="#2b211a" stroke-width="6" stroke-linecap="round" fill="none" />
          <circle cx="176" cy="40" r="10" fill="#2b211a" />
          <rect x="100" y="120" width="40" height="40" rx="4" fill="#f4e9dc" />
        </svg>

        <section class="product-info" aria-labelledby="product-title">
          <p class="eyebrow">Brewing gear</p>
          <h1 id="product-title">Hand grinder, ceramic burrs</h1>
          <p class="price">$64.00</p>
          <p>
            Forty clicks from espresso to cold brew, a burr set that never rusts, and a body that fits in a
            travel bag. Not sure which grind suits your kettle? Ask us: you can order and pay in the chat.
          </p>
          <div class="actions">
            <button type="button" class="button" onClick={chat.open}>
              Ask about this grinder
            </button>
          </div>
          <p class="chat-status" role="status">
            {STATUS[chat.status]}
            {chat.lastReply && <span class="last-reply"> Last reply: “{chat.lastReply}”</span>}
          </p>
        </section>
      </main>

      <footer class="site-footer">
        <p class="fineprint">
          A demo for Paychat: this page is a Preact app that imports <code>createWidget</code> from the{' '}
          <code>paychat</code> npm package. Payments use test cards only.
        </p>
      </footer>
    </>
  )
}

render(<ProductPage />, /** @type {HTMLElement} */ (document.getElementById('app')))
