import { createStore } from 'zustand/vanilla'
import { backoff } from '../client/backoff'
import { isAllowedCheckoutUrl, isAllowedLinkUrl, isApiError } from '../client/index'
import type { SubscribeOptions, Subscription } from '../client/types'
import type {
  CheckoutSessionLink,
  ConversationEvent,
  IdentifyBody,
  Message,
  PaymentRequest,
  PaymentRequestStatus,
  ReplayIncompleteEvent,
  WhatsAppHandoff,
} from '../protocol/types'
import { applyEvent } from './apply-event'
import { makeClientId } from './client-id'
import { errorSentence } from './error-sentence'
import { mergeCard } from './merge-card'
import { findMessage, mergeMessage, mergeMessages, toChatMessage } from './merge-messages'
import { outboxOf, readOutbox, saveOutbox, type OutboxEntry } from './outbox'
import { clearSessionToken, readSessionToken, saveSessionToken } from './session-token'
import { browserTabs, shareStream } from './shared-stream'
import type { ChatActions, ChatMessage, ChatState, ChatStore, ChatStoreOptions } from './types'

/** Statuses whose arrival the host page hears about. */
const CARD_EVENTS: Partial<Record<PaymentRequestStatus, 'payment:paid' | 'payment:failed' | 'payment:declined'>> = {
  paid: 'payment:paid',
  failed: 'payment:failed',
  declined: 'payment:declined',
}

export function createChatStore(options: ChatStoreOptions): ChatStore {
  const { client, storage = null, locale } = options
  const tabs = options.tabs === undefined ? browserTabs() : options.tabs
  const emit = options.emit ?? (() => {})

  let subscription: Subscription | null = null
  let starting: Promise<void> | null = null
  /** Bumped by stop(), so answers to a stopped start and events of a closed stream are dropped. */
  let generation = 0
  /** The outbox goes out one message at a time, oldest first; this is the loop doing it. */
  let draining = false
  let drainTimer: ReturnType<typeof setTimeout> | undefined
  /** Transient send failures in a row, for the backoff. */
  let sendFailures = 0
  // What a previous page left unsent is shown (and kept) from the first moment, even if the chat
  // never starts: a visitor typing while it is down and reloading must not lose the first message.
  const restored = readOutbox(storage, client.widgetKey).map(fromOutbox)
  let savedOutbox: string | null = JSON.stringify(outboxOf(restored))
  /** One Idempotency-Key per payment attempt, kept until the card fails or the checkout session expires. */
  const checkoutKeys = new Map<string, { key: string; expiresAt: string | null }>()
  const checkouts = new Map<string, Promise<CheckoutSessionLink>>()
  const declines = new Map<string, Promise<void>>()
  /** The `loadOlder` call under way. */
  let older: Promise<void> | null = null

  const store = createStore<ChatState & ChatActions>()(() => ({
    phase: 'idle',
    error: null,
    brand: null,
    conversation: null,
    messages: restored,
    hasMore: false,
    loadingOlder: false,
    olderError: null,
    cards: {},
    busyCards: {},
    cardErrors: {},
    connection: 'idle',
    lastEventId: null,
    notice: null,
    draft: null,
    visitor: null,
    start,
    identify,
    send,
    retry,
    edit,
    discard,
    takeDraft: () => set({ draft: null }),
    checkout,
    decline,
    refreshCard,
    continueOnWhatsApp,
    loadOlder: () => (older ??= readOlder().finally(() => (older = null))),
    trimOlder() {
      const { messages } = get()
      // In batches, so that most events pay nothing for it and none pays more than a bounded list costs.
      if (messages.length > KEPT_MESSAGES * 2) set({ messages: messages.slice(-KEPT_MESSAGES), hasMore: true })
    },
    allowsLink: (url: string): boolean => isAllowedLinkUrl(url, { apiBase: client.apiBase, linkOrigins: get().brand?.linkOrigins ?? [] }),
    stop,
  }))
  const get = store.getState
  const set = store.setState

  // Every change to the own unconfirmed messages is saved, so a reload (or a crash) loses none of them.
  store.subscribe((state, previous) => {
    if (state.messages === previous.messages) return
    const entries = outboxOf(state.messages)
    if (JSON.stringify(entries) !== savedOutbox) savedOutbox = saveOutbox(storage, client.widgetKey, entries)
  })
  // Back online: what waits in the outbox goes now rather than at the end of its backoff.
  const network = options.network ?? (typeof globalThis.addEventListener === 'function' ? globalThis : null)
  network?.addEventListener('online', () => void drain(true))

  function start(): Promise<void> {
    starting ??= run().finally(() => {
      starting = null
    })
    return starting
  }

  async function run(): Promise<void> {
    const own = generation
    set({ phase: 'starting', error: null })
    try {
      const sessionToken = readSessionToken(storage, client.widgetKey)
      const session = await client.startSession({
        ...(sessionToken ? { sessionToken } : {}),
        ...(locale ? { locale } : {}),
      })
      if (own !== generation) return
      saveSessionToken(storage, client.widgetKey, session.session.token)
      const { conversation } = session
      const page = await client.listMessages(conversation.id)
      if (own !== generation) return

      const previous = get()
      const same = previous.conversation?.id === conversation.id
      let cards = same ? previous.cards : {}
      for (const message of page.messages) if (message.paymentRequest) cards = mergeCard(cards, message.paymentRequest)
      // Own messages not yet confirmed (restored from the outbox, or typed before a restart) go out once
      // the session is ready. The server copy of one already sent replaces it.
      const unsent = previous.messages.filter((m) => m.sendStatus !== 'sent')
      set({
        phase: 'ready',
        error: null,
        brand: session.brand,
        conversation,
        messages: mergeMessages(unsent, page.messages),
        hasMore: page.hasMore,
        cards,
        lastEventId: page.lastEventId,
      })
      subscription?.close()
      const streamOptions: SubscribeOptions = {
        // No event yet: resume from before the first one (ids are integers from 1), not "live only", so
        // events after this page, or during a drop before the first event arrives, are replayed.
        lastEventId: page.lastEventId ?? '0',
        onEvent: (event, id) => {
          if (own === generation) receive(event, id)
        },
        onStatus: (connection) => {
          if (own === generation) set({ connection })
        },
        onError: (error) => {
          if (own === generation && isSessionLost(error)) restartAfterLoss()
        },
      }
      const subscribe = (options: SubscribeOptions) => client.subscribe(conversation.id, options)
      // Tabs of one visitor share one stream (the session token is the same, so is the conversation).
      subscription = tabs
        ? shareStream(tabs, `paychat:${client.widgetKey}:stream`, conversation.id, streamOptions, subscribe)
        : subscribe(streamOptions)
      emit('ready', { conversationId: conversation.id })
      void drain()
    } catch (error) {
      if (own !== generation) return
      const sentence = errorSentence(error, 'The chat could not start. Please try again.')
      // Unsent messages keep waiting (queued): they go out when a later start succeeds.
      set({
        phase: 'error',
        error: sentence,
        messages: get().messages.map((m) => (m.sendStatus === 'sending' ? { ...m, sendStatus: 'queued', sendError: sentence } : m)),
      })
    }
  }

  /**
   * The server no longer knows this session or conversation (it restarted and lost what it kept in
   * memory, or the session was revoked). Say so, and start a new conversation that unsent messages go to.
   */
  function restartAfterLoss() {
    stop()
    clearSessionToken(storage, client.widgetKey)
    client.setSessionToken(null)
    set({ notice: 'The chat service lost this conversation and started a new one. Unsent messages will go there.' })
    void start()
  }

  function receive(event: ConversationEvent | ReplayIncompleteEvent, id: string) {
    const state = get()
    if (event.conversationId !== state.conversation?.id) return
    if (event.type === 'replay.incomplete') return void resync(event.conversationId)
    // A replay of a message older than what is loaded (let go by trimOlder) is not put on top of the list,
    // which would leave a gap under it: loadOlder reads it in its place. Its card still counts.
    const next =
      event.type === 'message.created' && state.hasMore && olderThanLoaded(state.messages, event.message)
        ? { messages: state.messages, cards: event.message.paymentRequest ? mergeCard(state.cards, event.message.paymentRequest) : state.cards }
        : applyEvent(state, event)
    // Ids are increasing integers; one delivered late must not take the resume point back.
    const lastEventId = Number(id) > Number(state.lastEventId ?? -1) ? id : state.lastEventId
    set(next === state ? { lastEventId } : { ...next, lastEventId })

    if (event.type === 'conversation.handed_off') emit('handoff', { channel: event.channel })
    const card =
      event.type === 'message.created' ? event.message.paymentRequest : event.type === 'payment_request.updated' ? event.paymentRequest : null
    if (card) cardChanged(state.cards[card.id], next.cards[card.id])
    if (event.type === 'message.created' && event.message.author.role !== 'visitor' && next.messages !== state.messages) {
      // A changed list for a message that is not the visitor's own means it was not there before.
      emit('message', event.message)
    }
  }

  /**
   * The stream resumed but could not replay what was missed: read the newest page instead and merge it.
   * Live events keep coming meanwhile; merging by id makes either order safe.
   */
  async function resync(conversationId: string) {
    const own = generation
    try {
      // Back through history until a page reaches a message already shown: then nothing is missing.
      const missed: Message[] = []
      let before: string | undefined
      for (let pages = 0; pages < RESYNC_MAX_PAGES; pages++) {
        const page = await client.listMessages(conversationId, before ? { before } : {})
        if (own !== generation || get().conversation?.id !== conversationId) return
        missed.unshift(...page.messages)
        const shown = get().messages
        if (!page.hasMore || !page.messages[0] || page.messages.some((m) => shown[findMessage(shown, m)]?.sendStatus === 'sent')) break
        before = page.messages[0].id
      }
      let cards = get().cards
      for (const message of missed) if (message.paymentRequest) cards = mergeCard(cards, message.paymentRequest)
      set({ messages: mergeMessages(get().messages, missed), cards })
    } catch {
      // The next reconnect resumes from the same id and asks again.
    }
  }

  async function readOlder(): Promise<void> {
    const { conversation, hasMore, messages } = get()
    const oldest = messages.find((m) => m.sendStatus === 'sent')
    if (!conversation || !hasMore || !oldest) return
    const own = generation
    set({ loadingOlder: true, olderError: null })
    try {
      const page = await client.listMessages(conversation.id, { before: oldest.id })
      if (own !== generation || get().conversation?.id !== conversation.id) return
      const shown = get().messages
      let cards = get().cards
      for (const message of page.messages) if (message.paymentRequest) cards = mergeCard(cards, message.paymentRequest)
      // Put above as the server ordered them (not by `createdAt`, which several messages may share).
      const fresh = page.messages.filter((m) => findMessage(shown, m) < 0).map(toChatMessage)
      set({ messages: [...fresh, ...shown], hasMore: page.hasMore, cards })
    } catch (error) {
      if (own === generation) set({ olderError: errorSentence(error, 'Earlier messages could not be loaded. Please try again.') })
    } finally {
      set({ loadingOlder: false })
    }
  }

  /** Applies a card the server just gave us, unless something newer is already known. */
  function acceptCard(card: PaymentRequest) {
    const { cards } = get()
    const next = mergeCard(cards, card)
    if (next === cards) return
    set({ cards: next })
    cardChanged(cards[card.id], card)
  }

  function cardChanged(before: PaymentRequest | undefined, after: PaymentRequest | undefined) {
    if (!after || before === after || before?.status === after.status) return
    // A failed attempt ends its checkout session: Pay now again is a new attempt with a new key.
    if (after.status === 'failed') checkoutKeys.delete(after.id)
    // Cards seen for the first time are history, not news.
    if (!before) return
    const name = CARD_EVENTS[after.status]
    if (name) emit(name, { paymentRequest: after })
  }

  function send(text: string) {
    const body = text.trim()
    if (!body) return
    const clientId = makeClientId()
    const local = fromOutbox({ clientId, text: body, createdAt: new Date().toISOString(), rejected: null })
    // While the chat cannot start, a new message waits with the others rather than showing "Sending…".
    if (get().phase === 'error') local.sendStatus = 'queued'
    set({ messages: [...get().messages, local] })
    void drain()
  }

  /** Sends now what was refused or is waiting, with the same clientId (the server makes a repeat safe). */
  function retry(clientId: string) {
    const message = get().messages[findOwn(get().messages, clientId)]
    if (message?.sendStatus !== 'failed' && message?.sendStatus !== 'queued') return
    setOwn(clientId, 'sending', null)
    void drain(true)
  }

  function edit(clientId: string) {
    const message = get().messages[findOwn(get().messages, clientId)]
    if (!message || message.sendStatus === 'sent') return
    discard(clientId)
    set({ draft: message.text })
  }

  function discard(clientId: string) {
    const messages = get().messages
    const index = findOwn(messages, clientId)
    // Only what never reached the server can be taken back; a message in flight may land any moment.
    if (index < 0 || messages[index]!.sendStatus === 'sent' || (draining && messages[index]!.sendStatus === 'sending')) return
    set({ messages: messages.filter((_, i) => i !== index) })
  }

  /**
   * Sends the outbox in order, one message at a time, each exactly once (its clientId makes a repeated
   * request safe). A refusal for good marks that message `failed` and moves on; trouble that may pass
   * (offline, timeouts, 5xx, 429) marks it `queued` and tries again after a backoff with jitter, or the
   * server's Retry-After, or as soon as the browser is back online.
   */
  async function drain(now = false): Promise<void> {
    if (now) {
      sendFailures = 0
      clearTimeout(drainTimer)
    }
    if (draining) return
    draining = true
    const own = generation
    try {
      for (;;) {
        const { conversation, phase, messages } = get()
        if (!conversation || phase !== 'ready' || own !== generation) return
        const next = messages.find((m) => (m.sendStatus === 'sending' || m.sendStatus === 'queued') && m.clientId)
        if (!next) return
        clearTimeout(drainTimer)
        const clientId = next.clientId!
        if (next.sendStatus !== 'sending') setOwn(clientId, 'sending', null)
        try {
          const sent = await client.sendMessage(conversation.id, { clientId, text: next.text })
          sendFailures = 0
          set({ messages: mergeMessage(get().messages, sent) })
        } catch (error) {
          if (own !== generation) return
          if (isSessionLost(error)) return restartAfterLoss()
          if (isRefusal(error)) {
            setOwn(clientId, 'failed', errorSentence(error, 'The message could not be sent.'))
            continue
          }
          setOwn(clientId, 'queued', errorSentence(error, 'The message could not be sent yet.'))
          const serverWait = isApiError(error) ? (error.retryAfterMs ?? 0) : 0
          drainTimer = setTimeout(() => void drain(), Math.max(serverWait, backoff(sendFailures++, SEND_RETRY, SEND_MAX_RETRY)))
          return
        }
      }
    } finally {
      draining = false
    }
  }

  /** Sets an own message's status, unless the server's copy already came (it was sent after all). */
  function setOwn(clientId: string, sendStatus: 'sending' | 'queued' | 'failed', sendError: string | null) {
    const messages = get().messages
    const index = findOwn(messages, clientId)
    const message = messages[index]
    if (!message || message.sendStatus === 'sent') return
    const next = messages.slice()
    next[index] = { ...message, sendStatus, sendError }
    set({ messages: next })
  }

  function checkout(paymentRequestId: string): Promise<CheckoutSessionLink> {
    // A double click gets the call already under way.
    let running = checkouts.get(paymentRequestId)
    if (!running) {
      running = openCheckout(paymentRequestId).finally(() => checkouts.delete(paymentRequestId))
      checkouts.set(paymentRequestId, running)
    }
    return running
  }

  async function openCheckout(id: string): Promise<CheckoutSessionLink> {
    busy(id, 'checkout')
    try {
      const attempt = checkoutKey(id)
      let link: CheckoutSessionLink
      try {
        link = await client.createCheckout(id, attempt.key)
      } catch (error) {
        throw failure(id, error, errorSentence(error, 'The payment page could not be opened. Please try again.'))
      }
      attempt.expiresAt = link.expiresAt
      const checkoutOrigins = get().brand?.checkoutOrigins ?? []
      if (!isAllowedCheckoutUrl(link.checkoutUrl, { apiBase: client.apiBase, checkoutOrigins })) {
        throw failure(id, undefined, 'This payment link cannot be opened safely. Please contact us to pay.')
      }
      // The server moved the card on; show its word for it rather than guessing `checkout_open`.
      await refreshCard(id)
      const paymentRequest = get().cards[id]
      if (paymentRequest) emit('payment:opened', { paymentRequest, checkoutUrl: link.checkoutUrl })
      return link
    } finally {
      idle(id)
    }
  }

  function checkoutKey(id: string) {
    const known = checkoutKeys.get(id)
    if (known && (known.expiresAt === null || Date.parse(known.expiresAt) > Date.now())) return known
    const fresh = { key: makeClientId(), expiresAt: null }
    checkoutKeys.set(id, fresh)
    return fresh
  }

  function decline(paymentRequestId: string): Promise<void> {
    let running = declines.get(paymentRequestId)
    if (!running) {
      running = runDecline(paymentRequestId).finally(() => declines.delete(paymentRequestId))
      declines.set(paymentRequestId, running)
    }
    return running
  }

  async function runDecline(id: string): Promise<void> {
    busy(id, 'decline')
    try {
      acceptCard(await client.declinePaymentRequest(id))
    } catch (error) {
      failure(id, error, errorSentence(error, 'The payment request could not be cancelled. Please try again.'))
    } finally {
      idle(id)
    }
  }

  async function refreshCard(paymentRequestId: string): Promise<void> {
    try {
      acceptCard(await client.getPaymentRequest(paymentRequestId))
    } catch {
      // The card keeps what it showed; the event stream will bring the change.
    }
  }

  function busy(id: string, action: 'checkout' | 'decline') {
    set({ busyCards: { ...get().busyCards, [id]: action }, cardErrors: without(get().cardErrors, id) })
  }

  function idle(id: string) {
    set({ busyCards: without(get().busyCards, id) })
  }

  /** Shows `sentence` on the card and returns it as an Error for the caller. */
  function failure(id: string, cause: unknown, sentence: string): Error {
    set({ cardErrors: { ...get().cardErrors, [id]: sentence } })
    // A 409 means the card moved on (paid, revoked, expired...): fetch what it is now.
    if (isApiError(cause) && cause.status === 409) void refreshCard(id)
    return new Error(sentence, { cause })
  }

  async function continueOnWhatsApp(): Promise<WhatsAppHandoff> {
    const conversation = get().conversation
    if (!conversation) throw new Error('The chat is still starting. Please try again in a moment.')
    let handoff: WhatsAppHandoff
    try {
      handoff = await client.requestWhatsAppHandoff(conversation.id)
    } catch (error) {
      throw new Error(errorSentence(error, 'WhatsApp could not be opened. Please try again.'), { cause: error })
    }
    if (!isWhatsAppLink(handoff.url)) throw new Error('This WhatsApp link cannot be opened safely.')
    return handoff
  }

  async function identify(body: IdentifyBody): Promise<void> {
    try {
      // Once the session is there (a start that failed leaves none: the call then says why it cannot go).
      await (get().phase == 'ready' || start())
      set({ visitor: (await client.identify(body)).visitor })
    } catch (error) {
      // The host page's call: its developer reads the server's sentence (in the ApiError's message); the page is not thrown at.
      console.error(error)
    }
  }

  function stop() {
    subscription?.close()
    subscription = null
    starting = null
    clearTimeout(drainTimer)
    generation++
  }

  return store
}

/** Only WhatsApp's own click-to-chat links leave the page for WhatsApp. */
function isWhatsAppLink(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.origin === 'https://wa.me' && !parsed.username && !parsed.password
  } catch {
    return false
  }
}

/** How many messages `trimOlder` keeps loaded; a list never grows past twice this while it is called. */
export const KEPT_MESSAGES = 200

/** Whether `message` is new to the list and older than its oldest server message. */
function olderThanLoaded(messages: readonly ChatMessage[], message: Message): boolean {
  const oldest = messages.find((m) => m.sendStatus === 'sent')
  return oldest !== undefined && message.createdAt < oldest.createdAt && findMessage(messages, message) < 0
}

/** How far back a resync after an incomplete replay reads (pages of the server's default size). */
const RESYNC_MAX_PAGES = 20

/** First wait before sending a queued message again, and the most it grows to. */
const SEND_RETRY = 1_000
const SEND_MAX_RETRY = 30_000

/** A 4xx that sending again will not change (too long, not allowed...); the visitor edits or deletes. */
function isRefusal(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500 && ![401, 404, 408, 425, 429].includes(error.status)
}

/** The server does not know this session or conversation any more. */
function isSessionLost(error: unknown): boolean {
  return isApiError(error) && (error.status === 401 || (error.status === 404 && error.code === 'not_found'))
}

/** An own message as shown from an outbox entry. */
function fromOutbox(entry: OutboxEntry): ChatMessage {
  return {
    id: `local_${entry.clientId}`,
    conversationId: '',
    clientId: entry.clientId,
    type: 'text',
    author: { role: 'visitor', name: null },
    text: entry.text,
    paymentRequest: null,
    createdAt: entry.createdAt,
    sendStatus: entry.rejected === null ? 'sending' : 'failed',
    sendError: entry.rejected,
  }
}

/** The own message with this clientId, still local or already replaced by the server's copy. */
function findOwn(messages: readonly ChatMessage[], clientId: string): number {
  return findMessage(messages, { id: `local_${clientId}`, clientId })
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record
  const { [key]: _, ...rest } = record
  return rest
}
