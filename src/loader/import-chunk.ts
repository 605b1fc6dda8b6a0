import type * as Chunk from '../widget/script-entry'

export type WidgetChunk = typeof Chunk

/** `import()` of the widget chunk by URL: a module of its own so tests can hand over the source instead. */
export const importChunk = (url: URL): Promise<WidgetChunk> => import(/* @vite-ignore */ `${url}`)
