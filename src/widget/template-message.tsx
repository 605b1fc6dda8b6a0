import { useState } from 'preact/hooks'
import type { RenderedTemplate } from '../protocol/types'
import { useWidget } from './widget-context'

/** A WhatsApp-style template: header, body, footer and its buttons, all rendered as text (its sender is the message's author line). */
export function TemplateMessage({ template }: { template: RenderedTemplate }) {
  return (
    <>
      <div class="pc-bubble">
        {template.header && <strong class="pc-template-header" dir="auto">{template.header}</strong>}
        <p class="pc-template-body" dir="auto">{template.body}</p>
        {template.footer && <small class="pc-template-footer" dir="auto">{template.footer}</small>}
      </div>
      {template.buttons.length > 0 && (
        <div class="pc-template-buttons">
          {template.buttons.map((button, i) => (
            <Button key={i} button={button} />
          ))}
        </div>
      )}
    </>
  )
}

function Button({ button }: { button: RenderedTemplate['buttons'][number] }) {
  const { store } = useWidget()
  if (button.type === 'URL') return <UrlButton text={button.text} url={button.url ?? ''} />
  if (button.type === 'PHONE_NUMBER' && button.phoneNumber && /^\+?\d+$/.test(button.phoneNumber)) {
    return (
      <a class="pc-button" href={`tel:${button.phoneNumber}`}>
        {button.text}
      </a>
    )
  }
  return (
    <button type="button" class="pc-button" onClick={() => store.getState().send(button.text)}>
      {button.text}
    </button>
  )
}

/**
 * A link leaves the chat only for an origin the session allows; anything else stays a button that
 * says, when pressed, why it will not open (a silent dead button reads as a broken widget).
 */
function UrlButton({ text, url }: { text: string; url: string }) {
  const { store, t } = useWidget()
  const [refused, setRefused] = useState(false)
  if (store.getState().allowsLink(url)) {
    return (
      <a class="pc-button" href={url} target="_blank" rel="noopener noreferrer">
        {text}
      </a>
    )
  }
  return (
    <>
      <button type="button" class="pc-button" aria-disabled="true" onClick={() => setRefused(true)}>
        {text}
      </button>
      {refused && (
        <p class="pc-failed" role="alert">
          {t('linkRefused', { url })}
        </p>
      )}
    </>
  )
}
