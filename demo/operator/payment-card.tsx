import { useState } from 'preact/hooks'
import type { PaymentRequest } from '../../src/protocol/types'
import { priceLine } from './format'
import { canRevoke, statusLine } from './request-status'

/** A shared card as the operator sees it: live status, and Revoke while the card can still be paid. */
export function PaymentCard({ request, onRevoke }: { request: PaymentRequest; onRevoke(id: string): Promise<void> }) {
  const [revoking, setRevoking] = useState(false)
  async function revoke() {
    setRevoking(true)
    try {
      await onRevoke(request.id)
    } finally {
      setRevoking(false)
    }
  }
  return (
    <article class={`card card-${request.status}`} aria-label={request.title}>
      <h3>{request.title}</h3>
      {request.description && <p class="card-description">{request.description}</p>}
      <p class="card-price">{priceLine(request)}</p>
      <p class="card-status">{statusLine(request)}</p>
      {canRevoke(request.status) && (
        <button type="button" class="revoke" disabled={revoking} onClick={revoke}>
          Revoke
        </button>
      )}
    </article>
  )
}
