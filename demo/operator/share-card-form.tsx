import { useEffect, useState } from 'preact/hooks'
import { isolated } from '../../src/i18n/bidi'
import type { MessageTemplate, PaymentPage, SharePaymentRequestBody, TransactionType } from '../../src/protocol/types'
import { FormError } from './form-error'
import { t } from './i18n'
import { priceLine } from './format'
import { OperatorApiError, type OperatorApi } from './operator-api'
import { SHARE_OPTION_FIELDS, type ShareOptionField, ShareOptions } from './share-options'
import { bodyParameters, componentOf, dynamicUrlButton, sendTemplateBody } from './template-preview'
import { errorMessage, useAction } from './use-action'
import { listOf } from './format'

export interface ShareCardFormProps {
  api: OperatorApi
  brandId: string
  pages: PaymentPage[] | undefined
  /** WhatsApp's window is closed: the card can only go out as an approved template carrying its pay link. */
  templateOnly: boolean
  /** Rejects with the server's refusal, shown in the form (next to the field it blames). */
  onShare(body: SharePaymentRequestBody): Promise<void>
}

/** Checkout sessions live 24 h unless the operator asks for less (the server takes 30 to 1440 minutes). */
const DEFAULT_CHECKOUT_MINUTES = 1440

/** Picks one of the brand's payment pages and shares it into the conversation as a card. */
export function ShareCardForm({ api, brandId, pages, templateOnly, onShare }: ShareCardFormProps) {
  const [pageId, setPageId] = useState('')
  const [transactionType, setTransactionType] = useState<TransactionType>('sale')
  const [checkoutMinutes, setCheckoutMinutes] = useState(DEFAULT_CHECKOUT_MINUTES)
  const [template, setTemplate] = useState<MessageTemplate | null>(null)
  const [values, setValues] = useState<Record<string, string>>({})
  const [sharing, setSharing] = useState(false)
  const [refusal, setRefusal] = useState<{ message: string; field?: string | undefined } | null>(null)
  // Keep a valid choice when the list arrives or changes (another conversation, another brand).
  useEffect(() => {
    if (pages && !pages.some((p) => p.id === pageId)) setPageId(pages[0]?.id ?? '')
  }, [pages, pageId])

  const parameters = template ? bodyParameters(componentOf(template, 'BODY')?.text ?? '', template.parameterFormat) : []
  const ready = !!pageId && (!templateOnly || (template !== null && parameters.every((name) => values[name]?.trim())))
  /** A refusal is shown next to the field it blames; any other one under the form. */
  const blamed = (field: ShareOptionField) => (refusal?.field === field ? refusal.message : null)
  const unplaced = refusal && !SHARE_OPTION_FIELDS.includes(refusal.field ?? '') ? refusal.message : null
  const changed = () => setRefusal(null)

  return (
    <form
      class="share-form"
      onSubmit={async (event) => {
        event.preventDefault()
        if (!ready || sharing) return
        setSharing(true)
        setRefusal(null)
        const whatsapp = templateOnly && template ? sendTemplateBody(template, values) : null
        const body: SharePaymentRequestBody = {
          paymentPageId: pageId,
          transactionType,
          checkoutMinutes,
          ...(whatsapp ? { whatsapp: { templateId: whatsapp.templateId, parameters: whatsapp.parameters } } : {}),
        }
        try {
          await onShare(body)
          setValues({})
        } catch (cause) {
          setRefusal({ message: errorMessage(cause), field: cause instanceof OperatorApiError ? cause.field : undefined })
        } finally {
          setSharing(false)
        }
      }}
    >
      <label for="payment-page">{t('paymentPage')}</label>
      <select
        id="payment-page"
        value={pageId}
        disabled={!pages?.length}
        onChange={(e) => (setPageId(e.currentTarget.value), changed())}
      >
        {!pages && <option value="">{t('loadingOption')}</option>}
        {pages?.length === 0 && <option value="">{t('noPaymentPages')}</option>}
        {pages?.map((page) => (
          <option key={page.id} value={page.id}>
            {/* An option holds text only: the title is isolated by characters, not an element. */}
            {isolated(page.title)} — {priceLine(page)}
          </option>
        ))}
      </select>
      {templateOnly && (
        <CardTemplateFields
          api={api}
          brandId={brandId}
          template={template}
          values={values}
          onTemplate={(chosen) => (setTemplate(chosen), setValues({}))}
          onValue={(name, value) => setValues((known) => ({ ...known, [name]: value }))}
        />
      )}
      <ShareOptions
        transactionType={transactionType}
        checkoutMinutes={checkoutMinutes}
        errors={{ transactionType: blamed('transactionType'), checkoutMinutes: blamed('checkoutMinutes') }}
        onTransactionType={(type) => (setTransactionType(type), changed())}
        onCheckoutMinutes={(minutes) => (setCheckoutMinutes(minutes), changed())}
      />
      <button type="submit" disabled={!ready || sharing}>
        {t(templateOnly ? 'shareAsTemplate' : 'sharePaymentCard')}
      </button>
      <FormError message={unplaced} />
    </form>
  )
}

interface CardTemplateFieldsProps {
  api: OperatorApi
  brandId: string
  template: MessageTemplate | null
  values: Record<string, string>
  onTemplate(template: MessageTemplate | null): void
  onValue(name: string, value: string): void
}

/**
 * Outside WhatsApp's window a card travels as an approved template whose URL button ends in
 * `/pay/{{1}}`: the server puts the card's pay link there. Only such templates are offered.
 */
function CardTemplateFields({ api, brandId, template, values, onTemplate, onValue }: CardTemplateFieldsProps) {
  const [templates, setTemplates] = useState<MessageTemplate[] | null>(null)
  const load = useAction()
  useEffect(() => {
    void load.run(async () => {
      const usable = (await api.templates(brandId)).filter(
        (t) => t.status === 'APPROVED' && dynamicUrlButton(t)?.url.endsWith('/pay/{{1}}') === true,
      )
      setTemplates(usable)
      onTemplate(usable[0] ?? null)
    })
  }, [api, brandId])

  const parameters = template ? bodyParameters(componentOf(template, 'BODY')?.text ?? '', template.parameterFormat) : []
  return (
    <fieldset class="card-template">
      <legend>{t('cardTemplateLegend')}</legend>
      <label for="card-template">{t('template')}</label>
      <select
        id="card-template"
        value={template?.id ?? ''}
        disabled={!templates?.length}
        onChange={(e) => onTemplate(templates?.find((t) => t.id === e.currentTarget.value) ?? null)}
      >
        {!templates && <option value="">{t('loadingOption')}</option>}
        {templates?.length === 0 && <option value="">{t('noPayLinkTemplate', { button: '/pay/{{1}}' })}</option>}
        {templates?.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.language}, {t.category})
          </option>
        ))}
      </select>
      <FormError message={load.error} />
      {parameters.map((name) => (
        <div class="field" key={`${template!.id}-${name}`}>
          <label for={`card-param-${name}`}>{t('valueFor', { field: `{{${name}}}` })}</label>
          <input id={`card-param-${name}`} value={values[name] ?? ''} onInput={(e) => onValue(name, e.currentTarget.value)} />
        </div>
      ))}
      {parameters.length > 0 && (
        <p class="hint">
          {t('valuesMayHold', { fields: listOf(['{{contact.first_name}}', '{{payment.title}}', '{{payment.amount}}']) })}
        </p>
      )}
    </fieldset>
  )
}
