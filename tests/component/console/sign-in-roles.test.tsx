import { fireEvent, screen, waitFor, within } from '@testing-library/preact'
import { describe, expect, test } from 'vitest'
import { renderConsole, templateIn, type, useConsoleServer, webVisitorSession } from './console-server'

/**
 * The console signs in with any operator's token and offers only what that operator may do: its
 * brands' conversations in the list and the brand filter, and the shop's settings (buying credits,
 * submitting templates, the demo's review controls) only to the admin.
 */
useConsoleServer()

async function signInWith(token: string) {
  const field = screen.getByLabelText('Operator token') as HTMLInputElement
  type(field, token)
  fireEvent.click(screen.getByRole('button', { name: 'Use token' }))
}

const brandOptions = () => [...(screen.getByLabelText('Brand') as HTMLSelectElement).options].map((o) => o.textContent)
const conversationRows = () => within(screen.getByRole('navigation', { name: 'Conversations' })).queryAllByRole('button').map((b) => b.textContent ?? '')

async function oneVisitorPerBrand() {
  await webVisitorSession('Ada from Acme', 'Hello Acme')
  await webVisitorSession('Hana from Sakura', 'こんにちは', 'wk_sakura')
}

describe('an agent of Sakura Tea (Lucía)', () => {
  test('signs in with her token and sees only Sakura Tea: the header says who she is, the filter and the list hold only her brand', async () => {
    await oneVisitorPerBrand()
    renderConsole()
    await screen.findByText('Signed in as Admin, admin of every brand')
    await signInWith('agent_lucia_demo')
    await screen.findByText('Signed in as Lucía, agent of Sakura Tea')
    await waitFor(() => expect(brandOptions()).toEqual(['All brands', 'Sakura Tea']))
    await waitFor(() => expect(conversationRows().some((row) => row.includes('Hana from Sakura'))).toBe(true))
    expect(conversationRows().some((row) => row.includes('Ada from Acme'))).toBe(false)
  })

  test('is not offered buying credits, auto-recharge, submitting templates or the demo reviewer', async () => {
    await templateIn('DRAFT', { name: 'sakura_draft', body: 'New tea', brandId: 'brand_sakura' })
    await templateIn('PENDING', { name: 'sakura_pending', body: 'New tea', brandId: 'brand_sakura' })
    renderConsole()
    await signInWith('agent_lucia_demo')
    await screen.findByText('Signed in as Lucía, agent of Sakura Tea')

    fireEvent.click(screen.getByRole('button', { name: 'Manage credits' }))
    const credits = within(await screen.findByRole('region', { name: 'WhatsApp credits' }))
    await credits.findByText('Only an admin buys credits or changes auto-recharge.')
    expect(credits.queryByRole('button', { name: 'Buy credits' })).toBeNull()
    expect(credits.queryByLabelText('Recharge automatically')).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: 'Templates' }))
    const draft = within(await screen.findByRole('article', { name: 'sakura_draft (en_US)' }))
    expect(draft.getByRole('button', { name: 'Edit' })).toBeTruthy()
    expect(draft.queryByRole('button', { name: 'Submit for review' })).toBeNull()
    const pending = within(await screen.findByRole('article', { name: 'sakura_pending (en_US)' }))
    expect(pending.queryByRole('button', { name: 'Approve (demo)' })).toBeNull()
    expect(screen.getByText('An admin submits templates to WhatsApp for review.')).toBeTruthy()
  })

  test('makes canned replies for Sakura Tea only: “every brand” is not offered', async () => {
    renderConsole()
    await signInWith('agent_lucia_demo')
    await screen.findByText('Signed in as Lucía, agent of Sakura Tea')
    fireEvent.click(screen.getByRole('button', { name: 'Canned replies' }))
    fireEvent.click(await screen.findByRole('button', { name: 'New canned reply' }))
    const form = within(await screen.findByRole('form', { name: 'New canned reply' }))
    await waitFor(() => expect([...(form.getByLabelText('Brand') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Sakura Tea']))
  })
})

describe('an agent of Acme Coffee (Ana)', () => {
  test('sees only Acme Coffee', async () => {
    await oneVisitorPerBrand()
    renderConsole()
    await signInWith('agent_ana_demo')
    await screen.findByText('Signed in as Ana, agent of Acme Coffee')
    await waitFor(() => expect(brandOptions()).toEqual(['All brands', 'Acme Coffee']))
    await waitFor(() => expect(conversationRows().some((row) => row.includes('Ada from Acme'))).toBe(true))
    expect(conversationRows().some((row) => row.includes('Hana from Sakura'))).toBe(false)
  })
})

describe('an agent of both brands (Kenji)', () => {
  test('sees both brands, and still not the admin’s controls', async () => {
    await oneVisitorPerBrand()
    renderConsole()
    await signInWith('agent_kenji_demo')
    await screen.findByText('Signed in as Kenji, agent of Acme Coffee and Sakura Tea')
    await waitFor(() => expect(brandOptions()).toEqual(['All brands', 'Acme Coffee', 'Sakura Tea']))
    await waitFor(() => expect(conversationRows().filter((row) => /Ada from Acme|Hana from Sakura/.test(row))).toHaveLength(2))
    fireEvent.click(screen.getByRole('button', { name: 'Manage credits' }))
    await screen.findByText('Only an admin buys credits or changes auto-recharge.')
  })
})

describe('the admin', () => {
  test('sees every brand and is offered the shop’s settings and the demo reviewer', async () => {
    await oneVisitorPerBrand()
    await templateIn('PENDING', { name: 'acme_pending', body: 'Hello' })
    renderConsole()
    await screen.findByText('Signed in as Admin, admin of every brand')
    await waitFor(() => expect(brandOptions()).toEqual(['All brands', 'Acme Coffee', 'Sakura Tea']))
    fireEvent.click(screen.getByRole('button', { name: 'Manage credits' }))
    expect(await screen.findByRole('button', { name: 'Buy credits' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Templates' }))
    const pending = within(await screen.findByRole('article', { name: 'acme_pending (en_US)' }))
    expect(pending.getByRole('button', { name: 'Approve (demo)' })).toBeTruthy()
  })
})

describe('a token that is no operator’s', () => {
  test('says so and signs in as nobody', async () => {
    renderConsole()
    await screen.findByText('Signed in as Admin, admin of every brand')
    await signInWith('op_ana')
    const banner = await screen.findByRole('alert')
    expect(banner.textContent).toContain('Send a valid operator token')
    expect(screen.queryByText(/^Signed in as/)).toBeNull()
    expect(brandOptions()).toEqual(['All brands'])
  })
})
