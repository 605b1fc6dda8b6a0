import type { Brand, PublicBrand } from '../protocol/types'
import { ApiFailure } from './api-error'
import type { ServerState } from './state'

export function brandByWidgetKey(state: ServerState, widgetKey: string): Brand {
  for (const brand of state.brands.values()) if (brand.widgetKey === widgetKey) return brand
  throw new ApiFailure(404, 'unknown_widget_key', 'No brand uses this widget key. Check data-widget-key.', 'widgetKey')
}

export function publicBrand({ widgetKey: _key, allowedOrigins: _origins, whatsappNumber, ...brand }: Brand): PublicBrand {
  return { ...brand, whatsapp: whatsappNumber !== null }
}
