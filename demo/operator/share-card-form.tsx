import { useEffect, useState } from 'preact/hooks'
import type { PaymentPage } from '../../src/protocol/types'
import { priceLine } from './format'

/** Picks one of the brand's payment pages and shares it into the conversation as a card. */
export function ShareCardForm({ pages, onShare }: { pages: PaymentPage[] | undefined; onShare(pageId: string): Promise<void> }) {
  const [pageId, setPageId] = useState('')
  const [sharing, setSharing] = useState(false)
  // Keep a valid choice when the list arrives or changes (another conversation, another brand).
  useEffect(() => {
    if (pages && !pages.some((p) => p.id === pageId)) setPageId(pages[0]?.id ?? '')
  }, [pages, pageId])

  return (
    <form
      class="share-form"
      onSubmit={async (event) => {
        event.preventDefault()
        if (!pageId || sharing) return
        setSharing(true)
        try {
          await onShare(pageId)
        } finally {
          setSharing(false)
        }
      }}
    >
      <label for="payment-page">Payment page</label>
      <select id="payment-page" value={pageId} disabled={!pages?.length} onChange={(e) => setPageId(e.currentTarget.value)}>
        {!pages && <option value="">Loading…</option>}
        {pages?.length === 0 && <option value="">This brand has no payment pages</option>}
        {pages?.map((page) => (
          <option key={page.id} value={page.id}>
            {page.title} — {priceLine(page)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!pageId || sharing}>
        Share payment card
      </button>
    </form>
  )
}
