import { useEffect, useState } from 'preact/hooks'
import type { Brand, MessageTemplate, TemplateButton, TemplateCategory } from '../../src/protocol/types'
import type { ConsoleKey } from './catalogs/en'
import { FormError } from './form-error'
import { consoleLocale, t } from './i18n'
import type { TemplateInput } from './operator-api'
import {
  CATEGORIES,
  draftOf,
  draftParameters,
  emptyDraft,
  LANGUAGES,
  newButton,
  PARAMETER_FORMATS,
  templateInputOf,
  type TemplateDraft,
} from './template-draft'
import { previewTemplate, type ParameterFormat } from './template-preview'
import { TemplateView } from './template-view'
import { useAction } from './use-action'

interface TemplateEditorProps {
  brands: Brand[]
  /** The template being edited; null creates a new one. */
  template: MessageTemplate | null
  /** The brand a new template starts with. */
  brandId: string
  /** Rejects with the server's refusal, which the editor shows next to the fields. */
  onSave(input: TemplateInput): Promise<unknown>
  onCancel(): void
}

/** Each parameter format with an example of its parameters, which are Meta's syntax in any language. */
const FORMATS: Record<ParameterFormat, { label: ConsoleKey; example: string; hint: ConsoleKey }> = {
  POSITIONAL: { label: 'formatPositional', example: '{{1}}, {{2}}', hint: 'positionalHint' },
  NAMED: { label: 'formatNamed', example: '{{first_name}}', hint: 'namedHint' },
}

const BUTTON_LABELS: Record<TemplateButton['type'], ConsoleKey> = {
  QUICK_REPLY: 'buttonQuickReply',
  URL: 'buttonUrl',
  PHONE_NUMBER: 'buttonPhoneNumber',
}

/** A button kind inside a sentence: "Add quick reply button". */
const buttonKind = (type: TemplateButton['type']) => t(BUTTON_LABELS[type]).toLocaleLowerCase(consoleLocale())

/**
 * Creates or edits a template. Parameters are found in the body as the operator types, each with an
 * example field: Meta's reviewer (and the server) judge the body filled with those examples.
 */
export function TemplateEditor({ brands, template, brandId, onSave, onCancel }: TemplateEditorProps) {
  const [draft, setDraft] = useState<TemplateDraft>(() => (template ? draftOf(template) : emptyDraft(brandId)))
  const save = useAction()
  const parameters = draftParameters(draft)
  const input = templateInputOf(draft)
  const set = (patch: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const setButton = (index: number, patch: Partial<TemplateButton>) =>
    set({ buttons: draft.buttons.map((b, i) => (i === index ? ({ ...b, ...patch } as TemplateButton) : b)) })
  // A new template opened before the brands arrived starts with the first one, as the select shows.
  useEffect(() => {
    if (!brands.some((b) => b.id === draft.brandId) && brands[0]) set({ brandId: brands[0].id })
  }, [brands, draft.brandId])

  return (
    <form
      class="template-editor"
      aria-label={template ? t('editTemplateNamed', { name: template.name }) : t('newTemplate')}
      onSubmit={(event) => {
        event.preventDefault()
        if (!save.busy) void save.run(() => onSave(input))
      }}
    >
      <h3>{template ? t('editNamed', { name: template.name }) : t('newTemplate')}</h3>
      {template && <p class="hint">{t('resubmitHint')}</p>}
      <div class="field-row">
        <div class="field">
          <label for="template-brand">{t('brand')}</label>
          <select id="template-brand" value={draft.brandId} disabled={!!template} onChange={(e) => set({ brandId: e.currentTarget.value })}>
            {brands.map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="template-name">{t('name')}</label>
          <input
            id="template-name"
            value={draft.name}
            required
            pattern="[a-z0-9_]+"
            title={t('templateNameTitle')}
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </div>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="template-language">{t('language')}</label>
          <select id="template-language" value={draft.language} onChange={(e) => set({ language: e.currentTarget.value })}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {language}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="template-category">{t('category')}</label>
          <select
            id="template-category"
            value={draft.category}
            onChange={(e) => set({ category: e.currentTarget.value as TemplateCategory })}
          >
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="template-format">{t('parameters')}</label>
          <select
            id="template-format"
            value={draft.parameterFormat}
            onChange={(e) => set({ parameterFormat: e.currentTarget.value as ParameterFormat })}
          >
            {PARAMETER_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(FORMATS[format].label, { example: FORMATS[format].example })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="field">
        <label for="template-header">{t('headerOptional')}</label>
        <input id="template-header" value={draft.header} maxLength={60} onInput={(e) => set({ header: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="template-body">{t('body')}</label>
        <textarea
          id="template-body"
          rows={4}
          value={draft.body}
          required
          maxLength={1024}
          aria-describedby="template-body-hint"
          onInput={(e) => set({ body: e.currentTarget.value })}
        />
        <p id="template-body-hint" class="hint">
          {t(FORMATS[draft.parameterFormat].hint, { example: FORMATS[draft.parameterFormat].example })}
        </p>
      </div>
      {parameters.length > 0 && (
        <fieldset class="examples">
          <legend>{t('examplesLegend')}</legend>
          {parameters.map((name) => (
            <div class="field" key={name}>
              <label for={`template-example-${name}`}>{t('exampleFor', { field: `{{${name}}}` })}</label>
              <input
                id={`template-example-${name}`}
                value={draft.examples[name] ?? ''}
                required
                onInput={(e) => set({ examples: { ...draft.examples, [name]: e.currentTarget.value } })}
              />
            </div>
          ))}
        </fieldset>
      )}
      <div class="field">
        <label for="template-footer">{t('footerOptional')}</label>
        <input id="template-footer" value={draft.footer} maxLength={60} onInput={(e) => set({ footer: e.currentTarget.value })} />
      </div>
      <fieldset class="template-buttons-editor">
        <legend>{t('buttonsOptional')}</legend>
        {draft.buttons.map((button, index) => (
          <ButtonFields key={index} index={index} button={button} onChange={(patch) => setButton(index, patch)} onRemove={() => set({ buttons: draft.buttons.filter((_, i) => i !== index) })} />
        ))}
        <div class="actions">
          {(Object.keys(BUTTON_LABELS) as TemplateButton['type'][]).map((type) => (
            <button key={type} type="button" class="secondary" onClick={() => set({ buttons: [...draft.buttons, newButton(type)] })}>
              {t('addButton', { kind: buttonKind(type) })}
            </button>
          ))}
        </div>
      </fieldset>
      <section class="template-preview" aria-label={t('previewWithExamples')}>
        <h4>{t('previewWithExamples')}</h4>
        <TemplateView template={previewTemplate(input, draft.examples)} />
      </section>
      <FormError message={save.error} />
      <div class="actions">
        <button type="submit" disabled={save.busy}>
          {t(template ? 'saveChanges' : 'createTemplate')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}

interface ButtonFieldsProps {
  index: number
  button: TemplateButton
  onChange(patch: Partial<TemplateButton>): void
  onRemove(): void
}

/** One button's fields; a link's url may end in {{1}}, a suffix chosen per message when sending. */
function ButtonFields({ index, button, onChange, onRemove }: ButtonFieldsProps) {
  const n = index + 1
  const id = `template-button-${n}`
  return (
    <div class="button-fields" role="group" aria-label={t('buttonGroup', { n: String(n), kind: t(BUTTON_LABELS[button.type]) })}>
      <div class="field">
        <label for={`${id}-text`}>{t('buttonText', { n: String(n), kind: buttonKind(button.type) })}</label>
        <input id={`${id}-text`} value={button.text} required maxLength={25} onInput={(e) => onChange({ text: e.currentTarget.value })} />
      </div>
      {button.type === 'URL' && (
        <div class="field">
          <label for={`${id}-url`}>{t('buttonUrlField', { n: String(n) })}</label>
          <input
            id={`${id}-url`}
            type="text"
            inputMode="url"
            value={button.url}
            required
            placeholder="https://shop.example/orders/{{1}}"
            onInput={(e) => onChange({ url: e.currentTarget.value })}
          />
        </div>
      )}
      {button.type === 'PHONE_NUMBER' && (
        <div class="field">
          <label for={`${id}-phone`}>{t('buttonPhoneField', { n: String(n) })}</label>
          <input
            id={`${id}-phone`}
            type="tel"
            value={button.phone_number}
            required
            placeholder="+15550001234"
            onInput={(e) => onChange({ phone_number: e.currentTarget.value })}
          />
        </div>
      )}
      <button type="button" class="secondary danger" onClick={onRemove}>
        {t('removeButton', { n: String(n) })}
      </button>
    </div>
  )
}
