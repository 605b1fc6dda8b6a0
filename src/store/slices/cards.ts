import { isAllowedCheckoutUrl, isApiError } from '../../client/index'
import type { CheckoutSessionLink, PaymentRequest, PaymentRequestStatus } from '../../protocol/types'
import { ChatFailure, toChatError, type ChatError } from '../chat-error'
import { makeClientId } from '../client-id'
import { mergeCard } from '../merge-card'
import type { StoreEnv } from '../store-env'
import type { Slice } from '../types'

/** Statuses whose arrival the host page hears about. */
const CARD_EVENTS: Partial<Record<PaymentRequestStatus, 'payment:paid' | 'payment:failed' | 'payment:declined'>> = {
  paid: 'payment:paid',
  failed: 'payment:failed',
  declined: 'payment:declined',
}

/** Payment cards: their latest known state, and the visitor's Pay now and Cancel on them. */
export const cardsSlice =
  (env: StoreEnv): Slice<'cards' | 'busyCards' | 'cardErrors' | 'checkout' | 'decline' | 'refreshCard' | 'cardChanged'> =>
  (set, get) => {
    const { client } = env
    /** One Idempotency-Key per payment attempt, kept until the card fails or the checkout session expires. */
    const checkoutKeys = new Map<string, { key: string; expiresAt: string | null }>()
    /** The checkout or decline call under way per card: a double click gets that one. */
    const running = new Map<string, Promise<unknown>>()

    function once<T>(kind: 'checkout' | 'decline', id: string, call: () => Promise<T>): Promise<T> {
      const key = `${kind}:${id}`
      let pending = running.get(key) as Promise<T> | undefined
      if (!pending) {
        pending = call().finally(() => running.delete(key))
        running.set(key, pending)
      }
      return pending
    }

    /** Runs a card action with the card busy; a failure shows on the card as `reason` and rejects. */
    async function act<T>(id: string, action: 'checkout' | 'decline', call: () => Promise<T>, fallback: ChatError): Promise<T> {
      set({ busyCards: { ...get().busyCards, [id]: action }, cardErrors: without(get().cardErrors, id) })
      try {
        return await call()
      } catch (error) {
        const reason = error instanceof ChatFailure ? error.reason : toChatError(error, fallback)
        set({ cardErrors: { ...get().cardErrors, [id]: reason } })
        // A 409 means the card moved on (paid, revoked, expired...): fetch what it is now.
        if (isApiError(error) && error.status === 409) void get().refreshCard(id)
        throw error instanceof ChatFailure ? error : new ChatFailure(reason, error)
      } finally {
        set({ busyCards: without(get().busyCards, id) })
      }
    }

    function checkoutKey(id: string) {
      const known = checkoutKeys.get(id)
      if (known && (known.expiresAt === null || Date.parse(known.expiresAt) > Date.now())) return known
      const fresh = { key: makeClientId(), expiresAt: null }
      checkoutKeys.set(id, fresh)
      return fresh
    }

    /** Applies a card the server just gave us, unless something newer is already known. */
    function accept(card: PaymentRequest) {
      const { cards } = get()
      const next = mergeCard(cards, card)
      if (next === cards) return
      set({ cards: next })
      get().cardChanged(cards[card.id], card)
    }

    return {
      cards: {},
      busyCards: {},
      cardErrors: {},
      checkout: (id) =>
        once('checkout', id, () =>
          act(
            id,
            'checkout',
            async (): Promise<CheckoutSessionLink> => {
              const attempt = checkoutKey(id)
              const link = await client.createCheckout(id, attempt.key)
              attempt.expiresAt = link.expiresAt
              const checkoutOrigins = get().brand?.checkoutOrigins ?? []
              if (!isAllowedCheckoutUrl(link.checkoutUrl, { apiBase: client.apiBase, checkoutOrigins })) {
                throw new ChatFailure({ code: 'unsafe_checkout_link' })
              }
              // The server moved the card on; show its word for it rather than guessing `checkout_open`.
              await get().refreshCard(id)
              const paymentRequest = get().cards[id]
              if (paymentRequest) env.emit('payment:opened', { paymentRequest, checkoutUrl: link.checkoutUrl })
              return link
            },
            { code: 'checkout_failed' },
          ),
        ),
      // Never rejects: the reason is on the card.
      decline: (id) =>
        once('decline', id, () =>
          act(id, 'decline', async () => accept(await client.declinePaymentRequest(id)), { code: 'decline_failed' }).catch(() => {}),
        ),
      async refreshCard(id) {
        try {
          accept(await client.getPaymentRequest(id))
        } catch {
          // The card keeps what it showed; the event stream will bring the change.
        }
      },
      cardChanged(before, after) {
        if (!after || before === after || before?.status === after.status) return
        // A failed attempt ends its checkout session: Pay now again is a new attempt with a new key.
        if (after.status === 'failed') checkoutKeys.delete(after.id)
        // Cards seen for the first time are history, not news.
        if (!before) return
        const name = CARD_EVENTS[after.status]
        if (name) env.emit(name, { paymentRequest: after })
      },
    }
  }

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record
  const { [key]: _, ...rest } = record
  return rest
}
