import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks'
import type { Brand, Credits, OperatorProfile, PaymentPage } from '../../src/protocol/types'
import { BrandFilter } from './brand-filter'
import { CannedRepliesPanel } from './canned-replies-panel'
import type { ConsoleKey } from './catalogs/en'
import { consoleReducer, EMPTY_STATE } from './console-state'
import { ConversationList } from './conversation-list'
import { ConversationPane } from './conversation-pane'
import { CreditBalance } from './credit-balance'
import { CreditsPanel } from './credits-panel'
import { ErrorBanner } from './error-banner'
import { htmlLang, LANGUAGE_NAMES, loadLocale, LOCALES, saveLocale, setConsoleLocale, t, type Locale } from './i18n'
import { createDemoControls } from './mock-api'
import { createOperatorApi, streamRefusal } from './operator-api'
import { parseOperatorEvent } from './parse-event'
import { SignedInAs } from './signed-in-as'
import { TemplatesPanel } from './templates-panel'
import { loadToken, saveToken } from './token-storage'
import { TokenForm } from './token-form'

interface ConsoleAppProps {
  /** The API's origin; '' for the page's own (the reference server serves both). */
  apiBase: string
  storage: Storage | undefined
}

type Live = 'connecting' | 'live' | 'reconnecting' | 'stopped'

/** What fills the body under the header. */
type View = 'conversations' | 'templates' | 'canned'

const VIEW_LABELS: Record<View, ConsoleKey> = {
  conversations: 'viewConversations',
  templates: 'viewTemplates',
  canned: 'viewCanned',
}

const LIVE_LABELS: Record<Live, ConsoleKey> = {
  connecting: 'liveConnecting',
  live: 'live',
  reconnecting: 'liveReconnecting',
  stopped: 'liveStopped',
}

export function ConsoleApp({ apiBase, storage }: ConsoleAppProps) {
  // The language chosen before (kept in storage), else the browser's. Set before anything renders in it;
  // a change re-renders the whole console from here, so every component reads the new language.
  const [locale, setLocale] = useState<Locale>(() => {
    const initial = loadLocale(storage, navigator.languages)
    setConsoleLocale(initial)
    return initial
  })
  const [token, setToken] = useState(() => loadToken(storage))
  const api = useMemo(() => createOperatorApi(apiBase, token), [apiBase, token])
  const demo = useMemo(() => createDemoControls(apiBase, token), [apiBase, token])
  // Who the token is. Until the server says, nothing only an admin may do is offered.
  const [me, setMe] = useState<OperatorProfile | null>(null)
  const isAdmin = me?.role === 'admin'
  const [state, dispatch] = useReducer(consoleReducer, EMPTY_STATE)
  const [brands, setBrands] = useState<Brand[]>([])
  const [pagesByBrand, setPagesByBrand] = useState<Record<string, PaymentPage[]>>({})
  const [brandFilter, setBrandFilter] = useState('')
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [live, setLive] = useState<Live>('connecting')
  const [view, setView] = useState<View>('conversations')
  const [credits, setCredits] = useState<Credits | null>(null)
  const [creditsOpen, setCreditsOpen] = useState(false)
  const [operators, setOperators] = useState<OperatorProfile[] | null>(null)
  // Open or closed for every conversation alike, as the operator left it.
  const [historyOpen, setHistoryOpen] = useState(false)

  // The stream's callbacks live as long as the connection; they read the current values through refs.
  const selectedRef = useRef(selectedId)
  selectedRef.current = selectedId
  const knownIds = useRef(new Set<string>())
  knownIds.current = new Set(state.conversations.map((c) => c.id))

  const report = (cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause))
  const refreshCredits = () => api.credits().then(setCredits, report)

  function loadMessages(conversationId: string, before?: string) {
    return api.messages(conversationId, before).then(
      (page) => dispatch({ type: 'messages_loaded', conversationId, messages: page.messages, hasMore: page.hasMore, older: !!before }),
      report,
    )
  }

  function loadTransactions(conversationId: string) {
    return api.transactions(conversationId).then(
      (transactions) => dispatch({ type: 'transactions_loaded', conversationId, transactions }),
      report,
    )
  }

  // Everything the token unlocks, (re)loaded whenever the token changes.
  useEffect(() => {
    dispatch({ type: 'reset' })
    setBrands([])
    setBrandFilter('')
    setPagesByBrand({})
    setError(null)
    setLive('connecting')
    setCredits(null)
    setOperators(null)
    setMe(null)
    // Answers for a token no longer in use (another sign-in meanwhile) are dropped, never merged into the new one's view.
    let current = true
    const settle =
      <T,>(apply: (value: T) => void) =>
      (value: T) => {
        if (current) apply(value)
      }
    const fail = settle(report)
    api.me().then(settle(setMe), fail)
    api.credits().then(settle(setCredits), fail)
    api.operators().then(settle(setOperators), fail)
    const loadList = () =>
      api.conversations().then(
        settle((conversations) => dispatch({ type: 'conversations_loaded', conversations })),
        fail,
      )
    api.brands().then(settle(setBrands), fail)
    // Loaded now for a fast first screen, and again on every fresh (not resumed) connection: whatever
    // happened between this read and the stream's start is then in the second read. Merging makes both safe.
    void loadList()
    // A connection that carries on from an event seen before is a resume: the server replays what was missed.
    let resumable = false
    const events = api.events({
      onStatus(status) {
        if (status === 'reconnecting') setLive('reconnecting')
        if (status !== 'open') return
        setLive('live')
        if (resumable) return
        void loadList()
        if (selectedRef.current) void loadMessages(selectedRef.current)
        if (selectedRef.current) void loadTransactions(selectedRef.current)
      },
      onMessage(message, id) {
        if (id) resumable = true
        const event = parseOperatorEvent(message.event ?? 'message', message.data)
        if (!event) return
        dispatch({ type: 'event', event })
        // The event carries no visitor name, a message may name a conversation the list has not seen
        // yet, and a handoff changes the channel: each time the row needs the server's summary.
        const stale = event.type === 'conversation.created' || event.type === 'conversation.handed_off'
        if (stale || !knownIds.current.has(event.conversationId)) void loadList()
      },
      onError(error) {
        setLive('stopped')
        report(streamRefusal(error))
      },
    })
    return () => {
      current = false
      events.close()
    }
  }, [api])

  const selected = state.conversations.find((c) => c.id === selectedId) ?? null

  // A conversation's messages, its payment attempts and its brand's payment pages, fetched the first time it is opened.
  useEffect(() => {
    if (!selected) return
    if (!state.messages[selected.id]) void loadMessages(selected.id)
    if (!state.historyLoaded[selected.id]) void loadTransactions(selected.id)
    const brandId = selected.brandId
    if (!pagesByBrand[brandId]) {
      api.paymentPages(brandId).then((pages) => setPagesByBrand((known) => ({ ...known, [brandId]: pages })), report)
    }
  }, [selected?.id, api])

  function changeToken(next: string) {
    saveToken(storage, next)
    setSelectedId(null)
    setToken(next)
  }

  useEffect(() => {
    document.documentElement.lang = htmlLang(locale)
    document.title = t('documentTitle')
  }, [locale])

  function changeLocale(next: Locale) {
    setConsoleLocale(next)
    saveLocale(storage, next)
    setLocale(next)
  }

  const brandNames = Object.fromEntries(brands.map((b) => [b.id, b.name]))
  const shown = brandFilter ? state.conversations.filter((c) => c.brandId === brandFilter) : state.conversations

  return (
    <div class="console">
      <header class="console-header">
        <h1>{t('consoleTitle')}</h1>
        <p class={`live live-${live}`} role="status">
          {t(LIVE_LABELS[live])}
        </p>
        <nav class="view-switch" aria-label={t('views')}>
          {(Object.keys(VIEW_LABELS) as View[]).map((name) => (
            <button key={name} type="button" aria-pressed={view === name} onClick={() => setView(name)}>
              {t(VIEW_LABELS[name])}
            </button>
          ))}
        </nav>
        <CreditBalance credits={credits} panelOpen={creditsOpen} onTogglePanel={() => setCreditsOpen((open) => !open)} />
        <TokenForm token={token} onChange={changeToken} />
        <SignedInAs me={me} brands={brands} />
        <div class="language-select">
          <label for="console-language">{t('consoleLanguage')}</label>
          <select id="console-language" value={locale} onChange={(e) => changeLocale(e.currentTarget.value as Locale)}>
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={htmlLang(option)}>
                {LANGUAGE_NAMES[option]}
              </option>
            ))}
          </select>
        </div>
      </header>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {creditsOpen && (
        <CreditsPanel
          credits={credits}
          canManage={isAdmin}
          onPurchase={(amount) => api.purchaseCredits(amount).then(setCredits)}
          onAutoRecharge={(settings) => api.setAutoRecharge(settings).then(setCredits)}
          onClose={() => setCreditsOpen(false)}
        />
      )}
      <div class="console-body">
        <nav class="sidebar" aria-label={t('viewConversations')}>
          <BrandFilter brands={brands} value={brandFilter} onChange={setBrandFilter} />
          <ConversationList
            conversations={shown}
            brandNames={brandNames}
            selectedId={selectedId}
            onSelect={(id) => {
              setSelectedId(id)
              setView('conversations')
            }}
          />
        </nav>
        <main class="main-pane">
          {/* The other views sit next to the conversation list, which keeps showing what comes in. */}
          {view === 'templates' ? (
            <TemplatesPanel api={api} demo={isAdmin ? demo : null} canSubmit={isAdmin} brands={brands} brandFilter={brandFilter} />
          ) : view === 'canned' ? (
            <CannedRepliesPanel api={api} brands={brands} canShare={isAdmin} />
          ) : selected ? (
            <ConversationPane
              key={selected.id}
              api={api}
              conversation={selected}
              brandName={brandNames[selected.brandId] ?? selected.brandId}
              messages={state.messages[selected.id]}
              hasMore={state.hasMore[selected.id] ?? false}
              requests={state.requests}
              pages={pagesByBrand[selected.brandId]}
              onLoadEarlier={() => {
                const oldest = state.messages[selected.id]?.[0]
                if (oldest) void loadMessages(selected.id, oldest.id)
              }}
              onReply={(text) =>
                api.reply(selected.id, text).then(
                  (message) => (dispatch({ type: 'message_received', message }), setError(null), true),
                  (cause: unknown) => (report(cause), false),
                )
              }
              onShare={(body) =>
                api.shareCard(selected.id, body).then((request) => {
                  dispatch({ type: 'request_received', request })
                  setError(null)
                  // The card's message comes on the stream too; reading the thread shows it even while offline.
                  return loadMessages(selected.id)
                })
              }
              onCardAction={async (paymentRequestId, action) => {
                const request = await api[action](paymentRequestId)
                dispatch({ type: 'request_received', request })
                // A capture or void is an attempt of its own: the history shows it even if its event is late.
                if (action !== 'revoke') void loadTransactions(request.conversationId)
              }}
              transactions={state.transactions[selected.id] ?? []}
              historyLoaded={state.historyLoaded[selected.id] ?? false}
              historyOpen={historyOpen}
              onToggleHistory={() => setHistoryOpen((open) => !open)}
              operators={operators}
              onTransfer={(operatorId) =>
                api.transfer(selected.id, operatorId).then((conversation) => {
                  dispatch({ type: 'conversation_received', conversation })
                  // Its "… is now looking after this conversation." line comes on the stream too.
                  return loadMessages(selected.id)
                })
              }
              onTemplateSent={(message) => {
                dispatch({ type: 'message_received', message })
                // On WhatsApp the send spent credits (or auto-recharge bought some): the header shows the server's balance.
                void refreshCredits()
              }}
            />
          ) : (
            <p class="empty">{t('chooseConversation')}</p>
          )}
        </main>
      </div>
    </div>
  )
}
