import type { PaychatClient } from '../client/types'
import { browserTabs, type TabCoordination } from './shared-stream'
import type { ChatStoreOptions, KeyValueStorage, PaychatEventMap, PaychatEventName } from './types'

/** What every slice works with besides the store itself: the client, storage, the host page's events, and the run. */
export interface StoreEnv {
  client: PaychatClient
  storage: KeyValueStorage | null
  locale: string | undefined
  tabs: TabCoordination | null
  emit<K extends PaychatEventName>(name: K, payload: PaychatEventMap[K]): void
  /**
   * A check that holds until the store is stopped: taken before an await (or when a stream opens), it
   * tells afterwards whether the answer (or event) still belongs to the current run or must be dropped.
   */
  current(): () => boolean
  /** Ends the current run (`stop`): every check taken before now fails from here on. */
  endRun(): void
}

export function storeEnv(options: ChatStoreOptions): StoreEnv {
  let run = 0
  return {
    client: options.client,
    storage: options.storage ?? null,
    locale: options.locale,
    tabs: options.tabs === undefined ? browserTabs() : options.tabs,
    emit: options.emit ?? (() => {}),
    current() {
      const own = run
      return () => own === run
    },
    endRun: () => void run++,
  }
}
