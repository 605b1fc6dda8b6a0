/**
 * The `paychat` npm entry. Importing it does nothing by itself (no DOM access), so it is safe in
 * server rendering; call `createWidget` in the browser, or use the headless `createClient` anywhere.
 */
export { createWidget } from './widget/create-widget'
export type { PaychatWidget, Theme, ThemeScheme, WidgetOptions } from './widget/create-widget'
export { createClient, isAllowedCheckoutUrl, ApiError, isApiError, NetworkError, isNetworkError, TimeoutError, isTimeoutError } from './client/index'
export type { ClientOptions, PaychatClient, StreamStatus, SubscribeOptions, Subscription } from './client/index'
export type { PaychatEventMap, PaychatEventName, KeyValueStorage } from './store/types'
export type * from './protocol/types'
