import type { ChatStore } from '../store/types'

/**
 * The checkout window posts `{ type: 'paychat:checkout', paymentRequestId }` when something happened.
 * Only a hint to refetch: the card shows what the server then says, never what the message claims.
 */
export function listenForCheckoutHints(store: ChatStore, apiBase: string): () => void {
  const origin = new URL(apiBase).origin
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: unknown; paymentRequestId?: unknown } | null
    if (event.origin !== origin || data?.type !== 'paychat:checkout' || typeof data.paymentRequestId !== 'string') return
    void store.getState().refreshCard(data.paymentRequestId)
  }
  window.addEventListener('message', onMessage)
  return () => window.removeEventListener('message', onMessage)
}
