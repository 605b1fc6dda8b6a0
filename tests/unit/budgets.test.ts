import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { BUDGETS, chatBudget, checkoutBudget, formatReport, KB, loaderBudget } from '../../scripts/check-budgets'

/** The size budgets of issue 5 (the chat and checkout lines raised by issue 16, for ky) on the built files: CI fails when a change breaks one. */
const dist = resolve(import.meta.dirname, '../../dist')
const built = existsSync(join(dist, 'widget/paychat.js')) && existsSync(join(dist, 'app/src/checkout/index.html'))

describe('size budgets (gzip -9) of dist/', () => {
  beforeAll(() => {
    if (!built) throw new Error('Run `npm run build` before the budget test.')
  })

  test('the budget lines are the issue\'s', () => {
    expect(BUDGETS).toEqual({ loader: 2 * KB, chat: 30 * KB, checkout: 25.1 * KB })
  })

  test('paychat.js, the loader, is at most 2 kB', () => {
    const loader = loaderBudget(dist)
    expect(loader.gzip, formatReport([loader])).toBeLessThanOrEqual(BUDGETS.loader)
  })

  test('the loader and every chunk needed to open the chat and pay are at most 30 kB', () => {
    const chat = chatBudget(dist)
    expect(chat.files.map((f) => f.file)).toEqual(expect.arrayContaining(['widget/paychat.js', 'widget/paychat-widget.js']))
    expect(chat.gzip, formatReport([chat])).toBeLessThanOrEqual(BUDGETS.chat)
  })

  test('the hosted checkout page loads at most 25.1 kB of JavaScript and CSS', () => {
    const checkout = checkoutBudget(dist)
    expect(checkout.files.some((f) => f.file.endsWith('.js'))).toBe(true)
    expect(checkout.files.some((f) => f.file.endsWith('.css'))).toBe(true)
    expect(checkout.gzip, formatReport([checkout])).toBeLessThanOrEqual(BUDGETS.checkout)
  })
})
