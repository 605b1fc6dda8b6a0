import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createServerState, type ServerState } from '../../src/server/index'
import { createNodeServer } from '../../src/server/node'
import { operator } from './operator'
import { hostPage, launchChromium } from './stack'

// The stack of stack.ts, but with the server's state in hand: a 5,000-message history is written
// straight into it (posting them would take minutes and flood the event stream).
const dist = join(resolve(import.meta.dirname, '../..'), 'dist')
let browser: Browser
let state: ServerState
let apiBase: string
let hostUrl: string
const servers: Server[] = []

beforeAll(async () => {
  if (!existsSync(join(dist, 'widget/paychat.js'))) throw new Error('Run `npm run build` before the browser tests.')
  browser = await launchChromium()
  state = createServerState()
  apiBase = `http://127.0.0.1:${await listen(createNodeServer({ state, staticRoot: dist }))}`
  const page = hostPage(apiBase)
  hostUrl = `http://127.0.0.1:${await listen(createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)))}/shop`
})
afterAll(async () => {
  await browser?.close()
  for (const server of servers) server.closeAllConnections()
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))))
})

function listen(server: Server): Promise<number> {
  servers.push(server)
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)))
}

async function openChat(page: Page) {
  await page.goto(hostUrl)
  await page.getByRole('button', { name: 'Open chat' }).click()
  await page.getByRole('textbox', { name: 'Message' }).waitFor()
}

/**
 * Scrolls to the top and, before anything else can happen (the next page's answer included), says which
 * message row is the first the visitor sees and where it is on screen. Scroll events come before
 * animation frames, and Preact renders in a microtask, so the frame sees the list the scroll produced.
 */
const scrollToTop = (log: Locator) =>
  log.evaluate(
    (list) =>
      new Promise<{ text: string; top: number }>((done, fail) => {
        list.scrollTop = 0
        requestAnimationFrame(() => {
          const edge = list.getBoundingClientRect().top
          for (const row of list.querySelectorAll(':scope>ol>.pc-row:not(.pc-greeting)')) {
            const rect = row.getBoundingClientRect()
            if (rect.bottom > edge) return done({ text: row.querySelector('.pc-bubble')?.textContent ?? '', top: rect.top })
          }
          fail(new Error('no row in view'))
        })
      }),
  )

/** Where the row with this text is on screen. */
const topOf = (log: Locator, text: string) =>
  log.evaluate((list, text) => {
    for (const bubble of list.querySelectorAll('.pc-bubble')) if (bubble.textContent === text) return bubble.closest('li')!.getBoundingClientRect().top
    return null
  }, text)

test('a conversation of 5,000 messages: a windowed list, older pages that keep the view in place, and a New messages pill', async () => {
  const page = await browser.newPage()
  await openChat(page)
  await expect.poll(() => state.visitors.size).toBe(1)
  const conversationId = [...state.visitors.values()][0]!.conversationId
  const history = state.messages.get(conversationId)!
  const createdAt = state.clock.iso()
  for (let n = 1; n <= 5000; n++) {
    history.push({
      id: `msg_history_${n}`,
      conversationId,
      clientId: null,
      type: 'text',
      author: { role: 'operator', name: 'Ana' },
      text: `Message ${n}`,
      paymentRequestId: null,
      createdAt,
    })
  }

  // The visitor comes back: the session resumes on the newest page, at the bottom.
  await openChat(page)
  const log = page.getByRole('log')
  await log.getByText('Message 5000').waitFor()
  expect(await log.locator('li').count()).toBeLessThan(100)
  const bottomGap = () => log.evaluate((list) => list.scrollHeight - list.scrollTop - list.clientHeight)
  await expect.poll(bottomGap).toBeLessThan(24)

  // Scrolling to the top reads the page before, and the message at the top stays where it was.
  for (const expected of ['Message 4951', 'Message 4901', 'Message 4851']) {
    const older = page.waitForResponse((response) => response.url().includes('/messages?before='))
    const before = await scrollToTop(log)
    expect(before.text).toBe(expected)
    await older
    await expect.poll(() => log.evaluate((list) => list.scrollTop)).toBeGreaterThan(1000)
    const after = await topOf(log, expected)
    expect(Math.abs(after! - before.top)).toBeLessThan(3)
    expect(await log.locator('li').count()).toBeLessThan(100)
  }

  // Scrolling up through rows never measured yet (their space was an estimate) moves the view evenly.
  const steps = await log.evaluate(async (list) => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    const moved: number[] = []
    for (let i = 0; i < 15; i++) {
      const edge = list.getBoundingClientRect().top
      const bubbles = [...list.querySelectorAll('.pc-row:not(.pc-greeting) .pc-bubble')]
      const bubble = bubbles.find((b) => b.getBoundingClientRect().top > edge + 100)!
      const [text, before] = [bubble.textContent, bubble.getBoundingClientRect().top]
      list.scrollTop -= 150
      await frame()
      const again = [...list.querySelectorAll('.pc-bubble')].find((b) => b.textContent === text)!
      moved.push(Math.round(again.getBoundingClientRect().top - before))
    }
    return moved
  })
  expect(steps).toEqual(steps.map(() => 150))

  // Scrolled up, a new operator message brings the pill instead of moving the view.
  await log.evaluate((list) => {
    list.scrollTop = list.scrollHeight - list.clientHeight - 3000
  })
  await expect.poll(bottomGap).toBeGreaterThan(2000)
  const pill = page.getByRole('button', { name: 'New messages' })
  await operator(apiBase).reply(conversationId, 'The newest message')
  await pill.waitFor()
  expect(await bottomGap()).toBeGreaterThan(2000)

  await pill.click()
  await log.getByText('The newest message').waitFor()
  await pill.waitFor({ state: 'detached' })
  await expect.poll(bottomGap).toBeLessThan(24)
  await page.close()
})
