import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { BUDGETS, chatBudget, checkoutBudget, formatReport, KB, loaderBudget, localeBudgets } from '../../scripts/check-budgets'

/** The size budgets of issue 5, as issue 16 (ky and @preact/signals in) left them, on the built files: CI fails when a change breaks one. */
const dist = resolve(import.meta.dirname, '../../dist')
const built = existsSync(join(dist, 'widget/paychat.js')) && existsSync(join(dist, 'app/src/checkout/index.html'))

describe('size budgets (gzip -9) of dist/', () => {
  beforeAll(() => {
    if (!built) throw new Error('Run `npm run build` before the budget test.')
  })

  test('the budget lines are the issues\'', () => {
    expect(BUDGETS).toEqual({ loader: 2 * KB, chat: 32.5 * KB, locale: 1.5 * KB, checkout: 25.1 * KB })
  })

  test('paychat.js, the loader, is at most 2 kB', () => {
    const loader = loaderBudget(dist)
    expect(loader.gzip, formatReport([loader])).toBeLessThanOrEqual(BUDGETS.loader)
  })

  test('what an English visitor downloads to chat and see a card (loader, widget, ky and @preact/signals inside) is at most 32.5 kB', () => {
    const chat = chatBudget(dist)
    expect(chat.files.map((f) => f.file)).toEqual(expect.arrayContaining(['widget/paychat.js', 'widget/paychat-widget.js']))
    expect(chat.files.filter((f) => /-(ja|es|zh)\.js$/.test(f.file))).toEqual([])
    expect(chat.gzip, formatReport([chat])).toBeLessThanOrEqual(BUDGETS.chat)
  })

  test('each other language\'s catalog chunk is at most 1.5 kB', () => {
    const locales = localeBudgets(dist)
    expect(locales.map((l) => l.files[0]!.file).sort()).toEqual(['widget/paychat-widget-es.js', 'widget/paychat-widget-ja.js', 'widget/paychat-widget-zh.js'])
    for (const locale of locales) expect(locale.gzip, formatReport([locale])).toBeLessThanOrEqual(BUDGETS.locale)
  })

  test('the hosted checkout page loads at most 25.1 kB of JavaScript and CSS', () => {
    const checkout = checkoutBudget(dist)
    expect(checkout.files.some((f) => f.file.endsWith('.js'))).toBe(true)
    expect(checkout.files.some((f) => f.file.endsWith('.css'))).toBe(true)
    expect(checkout.gzip, formatReport([checkout])).toBeLessThanOrEqual(BUDGETS.checkout)
  })
})
