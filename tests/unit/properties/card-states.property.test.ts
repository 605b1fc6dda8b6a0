import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { ConversationEvent, PaymentRequest } from '../../../src/protocol/types'
import { applyEvent, mergeCard, offersCancel, offersPayNow, type EventSlice } from '../../../src/store/index'
import { anySnapshot, deliveries, FINAL, isFinal, messageAt, serverHistory, snapshot, status, STATUSES } from './arbitraries'

/**
 * One card's snapshots arrive in any order, some twice, through both ways the store hears of a card:
 * a `payment_request.updated` event, and a `message.created` carrying the card (live, or replayed).
 */
type Delivery = { card: PaymentRequest; via: 'updated' | 'message' }

const withChannel = (cards: PaymentRequest[]) =>
  fc.array(fc.boolean(), { minLength: cards.length, maxLength: cards.length }).map((flags) =>
    cards.map((card, i): Delivery => ({ card, via: flags[i] ? 'message' : 'updated' })),
  )

const toEvent = ({ card, via }: Delivery): ConversationEvent =>
  via === 'updated'
    ? { type: 'payment_request.updated', conversationId: 'conv_1', paymentRequest: card }
    : {
        type: 'message.created',
        conversationId: 'conv_1',
        message: messageAt('msg_card', 0, { type: 'payment_request', text: '', paymentRequest: card }),
      }

const empty: EventSlice = { messages: [], cards: {} }

/** Every state the card goes through, one per delivery. */
function run(list: readonly Delivery[]): PaymentRequest[] {
  let state = empty
  return list.map((d) => {
    state = applyEvent(state, toEvent(d))
    return state.cards['pr_1']!
  })
}

const final = (list: readonly Delivery[]) => run(list).at(-1)!
const newest = (cards: readonly PaymentRequest[]) => Math.max(...cards.map((c) => Date.parse(c.updatedAt)))

/** Never Pay Now on a final, unknown or authorized card; never Cancel once part of it is paid. */
function expectHonestButtons(card: PaymentRequest) {
  if (isFinal(card.status) || card.status === 'unknown' || card.status === 'authorized') expect(offersPayNow(card)).toBe(false)
  if (card.amountPaid.amount > 0) expect(offersCancel(card)).toBe(false)
}

/** Whether a newer status ever replaced a final one along the way. */
const leftFinal = (states: readonly PaymentRequest[]) =>
  states.some((s, i) => i > 0 && isFinal(states[i - 1]!.status) && s !== states[i - 1])

describe('one card, snapshots in any order (applyEvent + mergeCard)', () => {
  test('offersPayNow: never for a final, unknown or authorized card, always for pending, checkout_open and failed', () => {
    fc.assert(
      fc.property(status, (s) => {
        expect(offersPayNow(snapshot(s, 0))).toBe(!isFinal(s) && s !== 'unknown' && s !== 'authorized')
      }),
    )
    // The unit table above and the design agree on which statuses are final.
    expect(STATUSES.filter((s) => !offersPayNow({ status: s }))).toEqual([
      'paid',
      'unknown',
      'declined',
      'revoked',
      'expired',
      'authorized',
      'voided',
      'card_saved',
    ])
    expect(FINAL).toEqual(['paid', 'declined', 'revoked', 'expired', 'voided', 'card_saved'])
  })

  test('offersCancel: only where Pay Now is, and never once part of the card is paid', () => {
    fc.assert(
      fc.property(anySnapshot, (card) => {
        expect(offersCancel(card)).toBe(offersPayNow(card) && card.amountPaid.amount === 0)
      }),
    )
  })

  test('a server history (any order, duplicates, even at one frozen instant): the card ends as its last snapshot and never leaves a final status', () => {
    fc.assert(
      fc.property(
        serverHistory({ ties: true }).chain((history) =>
          deliveries(history).chain(withChannel).map((list) => ({ history, list })),
        ),
        ({ history, list }) => {
          const states = run(list)
          expect(leftFinal(states)).toBe(false)
          for (const s of states) expectHonestButtons(s)
          // What is paid never goes back on screen, though a split's parts share one status.
          states.forEach((s, i) => i > 0 && expect(s.amountPaid.amount).toBeGreaterThanOrEqual(states[i - 1]!.amountPaid.amount))
          // The version orders snapshots that share an instant: a replayed `checkout_open` cannot undo `unknown`.
          expect(states.at(-1)).toBe(history.at(-1))
        },
      ),
      { numRuns: 300 },
    )
  })

  test('a server history (frozen instants too): one more duplicate anywhere changes nothing', () => {
    fc.assert(
      fc.property(
        serverHistory({ ties: true })
          .chain((history) => deliveries(history).chain(withChannel))
          .chain((list) => fc.record({ list: fc.constant(list), from: fc.nat(list.length - 1), to: fc.nat(list.length) })),
        ({ list, from, to }) => {
          const twice = [...list.slice(0, to), list[from]!, ...list.slice(to)]
          expect(final(twice)).toBe(final(list))
        },
      ),
      { numRuns: 300 },
    )
  })

  test('any snapshots (random statuses, equal instants): the same delivery twice in a row is a no-op', () => {
    fc.assert(
      fc.property(
        fc.array(anySnapshot, { minLength: 1, maxLength: 10 }).chain(withChannel),
        fc.nat(),
        (list, pick) => {
          const at = pick % list.length
          let state = empty
          list.forEach((d, i) => {
            state = applyEvent(state, toEvent(d))
            if (i !== at) return
            const again = applyEvent(state, toEvent(d))
            // The very same slice: nothing re-rendered, nothing emitted.
            expect(again).toBe(state)
          })
        },
      ),
      { numRuns: 300 },
    )
  })

  test('any snapshots: an older one never overwrites a newer one, and at the newest instant a final status wins', () => {
    fc.assert(
      fc.property(fc.array(anySnapshot, { minLength: 1, maxLength: 10 }).chain(withChannel), (list) => {
        const cards = list.map((d) => d.card)
        const states = run(list)
        states.forEach((s, i) => expect(Date.parse(s.updatedAt)).toBe(newest(cards.slice(0, i + 1))))
        const top = newest(cards)
        const finalAtTop = cards.some((c) => Date.parse(c.updatedAt) === top && isFinal(c.status))
        if (finalAtTop) expect(isFinal(states.at(-1)!.status)).toBe(true)
        for (const s of states) expectHonestButtons(s)
      }),
      { numRuns: 300 },
    )
  })

  test('mergeCard leaves other cards alone and returns the same object for a stale card', () => {
    fc.assert(
      fc.property(anySnapshot, anySnapshot, (a, b) => {
        const other = snapshot('pending', 0, { id: 'pr_2' })
        const cards = mergeCard({ pr_2: other }, a)
        const next = mergeCard(cards, b)
        expect(next['pr_2']).toBe(other)
        if (next['pr_1'] === a) expect(next).toBe(cards)
      }),
    )
  })
})
