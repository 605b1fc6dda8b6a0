import type { RenderedTemplate } from '../../src/protocol/types'
import { t } from './i18n'

/**
 * A filled template as WhatsApp shows it: header, body, footer, buttons. Everything is text (never
 * HTML); buttons are not live here, the operator only needs to see where they lead.
 */
export function TemplateView({ template }: { template: RenderedTemplate }) {
  return (
    <div class="template-view">
      {template.header && (
        <p class="template-header" dir="auto">
          {template.header}
        </p>
      )}
      <p class="template-body" dir="auto">
        {template.body}
      </p>
      {template.footer && (
        <p class="template-footer" dir="auto">
          {template.footer}
        </p>
      )}
      {template.buttons.length > 0 && (
        <ul class="template-buttons" aria-label={t('buttons')}>
          {template.buttons.map((button, index) => (
            <li key={index}>
              <bdi>{button.text}</bdi>
              {button.url && <span class="template-button-target"> → {button.url}</span>}
              {button.phoneNumber && <span class="template-button-target"> → {button.phoneNumber}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
