/**
 * Regenerates the README's screenshots: the demo shop with the widget, a card, the hosted checkout,
 * and the paid card, driven as a visitor and an operator would. `npm run build` first.
 */
import { resolve } from 'node:path'
import { operator } from '../tests/e2e/operator'
import { launchChromium, startStack } from '../tests/e2e/stack'

const out = resolve(import.meta.dirname, '../docs/screenshots')
const stack = await startStack({ hostPage: () => '' })
const browser = await launchChromium()
try {
  const op = operator(stack.apiBase)
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
  await page.goto(`${stack.apiBase}/`)
  await page.getByRole('button', { name: 'Open chat' }).click()
  const composer = page.getByRole('textbox', { name: 'Message' })
  await composer.fill('Hi! Can I order the house blend here?')
  await composer.press('Enter')
  await page.getByText('Sent').waitFor()
  const conversation = await op.conversationWith('Hi! Can I order the house blend here?')
  await op.reply(conversation.id, 'Of course — here is a payment link for it.')
  await op.shareCard(conversation.id, 'brand_acme', 'House blend, 1 kg')
  const card = page.getByRole('article', { name: 'House blend, 1 kg' })
  await card.getByRole('button', { name: 'Pay now' }).waitFor()
  await page.screenshot({ path: `${out}/widget-card-pending.png` })

  const popup = page.waitForEvent('popup')
  await card.getByRole('button', { name: 'Pay now' }).click()
  const checkout = await popup
  await checkout.setViewportSize({ width: 900, height: 800 })
  await checkout.getByLabel('Card number').waitFor()
  await checkout.getByLabel('Name on card').fill('Ada Lovelace')
  await checkout.getByLabel('Card number').fill('4242 4242 4242 4242')
  await checkout.getByLabel('Expiry').fill('12/34')
  await checkout.getByLabel('CVC').fill('123')
  await checkout.screenshot({ path: `${out}/checkout.png` })
  await checkout.getByRole('button', { name: /^Pay / }).click()
  await checkout.getByText('•••• 4242').waitFor()
  await checkout.screenshot({ path: `${out}/checkout-paid.png` })

  await card.getByText(/Paid with/).waitFor()
  await page.screenshot({ path: `${out}/widget-card.png` })
  console.log(`screenshots written to ${out}`)
} finally {
  await browser.close()
  await stack.close()
}
