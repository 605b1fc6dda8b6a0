export { createClient } from './create-client'
export { isAllowedCheckoutUrl, isAllowedLinkUrl } from './checkout-url'
export { ApiError, isApiError } from './errors/api-error'
export { NetworkError, isNetworkError } from './errors/network-error'
export { TimeoutError, isTimeoutError } from './errors/timeout-error'
export type {
  ClientOptions,
  PaychatClient,
  StreamStatus,
  SubscribeOptions,
  Subscription,
} from './types'
