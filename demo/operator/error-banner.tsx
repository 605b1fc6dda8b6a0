import { t } from './i18n'

/** The last API error, in the server's own words, until dismissed or replaced. */
export function ErrorBanner({ message, onDismiss }: { message: string; onDismiss(): void }) {
  return (
    <div class="error-banner" role="alert">
      <p>{message}</p>
      <button type="button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  )
}
