import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { operator } from './operator'
import { launchChromium, OPERATOR_TOKEN, startStack, type Stack } from './stack'

/** The mock controls (Meta's side of the conversation) take the admin's token. */
const admin = { authorization: `Bearer ${OPERATOR_TOKEN}` }

let browser: Browser
let stack: Stack

beforeAll(async () => {
  browser = await launchChromium()
  stack = await startStack()
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

test('a web chat continues on WhatsApp: the code in the first WhatsApp message joins the same thread', async () => {
  const context = await browser.newContext()
  // This machine reaches no outside host: answer for wa.me so the opened window has somewhere to land.
  await context.route('https://wa.me/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>WhatsApp</title>' }))
  const page = await context.newPage()
  await page.goto(stack.hostUrl)
  await page.getByRole('button', { name: 'Open chat' }).click()
  await page.getByRole('textbox', { name: 'Message' }).fill('Can we talk on WhatsApp?')
  await page.getByRole('textbox', { name: 'Message' }).press('Enter')
  await page.getByText('Sent').waitFor()

  const popupOpened = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Continue on WhatsApp' }).click()
  const whatsapp = await popupOpened
  await whatsapp.waitForURL(/^https:\/\/wa\.me\//)
  const prefilled = new URL(whatsapp.url()).searchParams.get('text')!
  const code = /PC-[A-Z0-9]{6}/.exec(prefilled)![0]

  await fetch(`${stack.apiBase}/v1/mock/whatsapp/inbound`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ from: '15551234567', name: 'Kenji', text: prefilled }),
  })
  await page.getByText('Continued on WhatsApp').waitFor()
  await page.getByText(prefilled).waitFor()
  expect(code).toMatch(/^PC-/)

  const op = operator(stack.apiBase)
  const conversation = await op.conversationWith(prefilled)
  await op.reply(conversation.id, 'Sure — this is us on WhatsApp.')
  await page.getByText('Sure — this is us on WhatsApp.').waitFor()
  const outbox = await (await fetch(`${stack.apiBase}/v1/mock/whatsapp/outbox`, { headers: admin })).json()
  expect(outbox.messages).toMatchObject([{ to: '15551234567', text: 'Sure — this is us on WhatsApp.' }])
  expect(await page.evaluate(() => (window as unknown as { hostEvents: string[] }).hostEvents)).toContain('handoff')

  const console = await context.newPage()
  await console.goto(`${stack.apiBase}/operator`)
  await console.getByRole('button', { name: /WhatsApp/ }).click()
  await console.getByText(/^WhatsApp · free replies for 2[34] h/).waitFor()
  await console.locator('.thread').getByText('Sure — this is us on WhatsApp.').waitFor()
  // The simulated phone reports progress on its own; the console shows it on the message.
  await console.locator('.thread').getByText(/Delivered on WhatsApp|Read on WhatsApp/).first().waitFor()

  // A card shared now goes to WhatsApp as a Pay now button; paid from the phone, the web card is paid too.
  await op.shareCard(conversation.id, 'brand_acme', 'House blend, 1 kg')
  const sent = await (await fetch(`${stack.apiBase}/v1/mock/whatsapp/outbox`, { headers: admin })).json()
  const payLink = sent.messages.at(-1).request.interactive.action.parameters.url as string
  expect(payLink).toMatch(new RegExp(`^${stack.apiBase}/pay/pl_`))
  const phone = await context.newPage()
  await phone.goto(payLink)
  await phone.waitForURL(/\/checkout\/cs_/)
  await phone.getByLabel('Name on card').fill('Kenji Sato')
  await phone.getByLabel('Card number').fill('4242 4242 4242 4242')
  await phone.getByLabel('Expiry').fill('12/34')
  await phone.getByLabel('CVC').fill('123')
  await phone.getByRole('button', { name: 'Pay $24.50' }).click()
  await phone.getByText('•••• 4242').waitFor()
  await page.getByText(/Paid with Visa •••• 4242/).waitFor()
  await context.close()
})
