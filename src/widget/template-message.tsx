import type { RenderedTemplate } from '../protocol/types'
import { useWidget } from './widget-context'

/** Only https links leave the chat from a template button; anything else is shown as plain text. */
function safeHttpsUrl(url: string | undefined): string | null {
  try {
    const parsed = new URL(url ?? '')
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password ? parsed.href : null
  } catch {
    return null
  }
}

/** A WhatsApp-style template: header, body, footer and its buttons, all rendered as text. */
export function TemplateMessage({ template, name }: { template: RenderedTemplate; name: string | null }) {
  const { store } = useWidget()
  return (
    <div class="pc-template">
      {name && <span class="pc-author">{name}</span>}
      <div class="pc-bubble">
        {template.header && <strong class="pc-template-header">{template.header}</strong>}
        <p class="pc-template-body">{template.body}</p>
        {template.footer && <small class="pc-template-footer">{template.footer}</small>}
      </div>
      {template.buttons.length > 0 && (
        <div class="pc-template-buttons">
          {template.buttons.map((button, i) => {
            if (button.type === 'URL') {
              const href = safeHttpsUrl(button.url)
              return href ? (
                <a key={i} class="pc-button" href={href} target="_blank" rel="noopener noreferrer">
                  {button.text}
                </a>
              ) : (
                <span key={i} class="pc-button">{button.text}</span>
              )
            }
            if (button.type === 'PHONE_NUMBER' && button.phoneNumber && /^\+?\d+$/.test(button.phoneNumber)) {
              return (
                <a key={i} class="pc-button" href={`tel:${button.phoneNumber}`}>
                  {button.text}
                </a>
              )
            }
            return (
              <button key={i} type="button" class="pc-button" onClick={() => store.getState().send(button.text)}>
                {button.text}
              </button>
            )
          })}
        </div>
      )}
    </div>
  )
}
