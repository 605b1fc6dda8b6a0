import { isAllowedLinkUrl } from '../../client/index'
import type { WhatsAppHandoff } from '../../protocol/types'
import { ChatFailure, toChatError } from '../chat-error'
import type { StoreEnv } from '../store-env'
import type { Slice } from '../types'

/** Leaving the chat: continuing on WhatsApp, the links a template may open; and who the visitor is. */
export const handoffSlice =
  (env: StoreEnv): Slice<'visitor' | 'identify' | 'continueOnWhatsApp' | 'allowsLink'> =>
  (set, get) => {
    const { client } = env
    return {
      visitor: null,
      async identify(body) {
        try {
          // Once the session is there (a start that failed leaves none: the call then says why it cannot go).
          await (get().phase == 'ready' || get().start())
          set({ visitor: (await client.identify(body)).visitor })
        } catch (error) {
          // The host page's call: its developer reads the server's sentence (in the ApiError's message); the page is not thrown at.
          console.error(error)
        }
      },
      async continueOnWhatsApp(): Promise<WhatsAppHandoff> {
        const conversation = get().conversation
        if (!conversation) throw new ChatFailure({ code: 'not_started' })
        let handoff: WhatsAppHandoff
        try {
          handoff = await client.requestWhatsAppHandoff(conversation.id)
        } catch (error) {
          throw new ChatFailure(toChatError(error, { code: 'handoff_failed' }), error)
        }
        if (!isWhatsAppLink(handoff.url)) throw new ChatFailure({ code: 'unsafe_whatsapp_link' })
        return handoff
      },
      allowsLink: (url) => isAllowedLinkUrl(url, { apiBase: client.apiBase, linkOrigins: get().brand?.linkOrigins ?? [] }),
    }
  }

/** Only WhatsApp's own click-to-chat links leave the page for WhatsApp. */
function isWhatsAppLink(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.origin === 'https://wa.me' && !parsed.username && !parsed.password
  } catch {
    return false
  }
}
