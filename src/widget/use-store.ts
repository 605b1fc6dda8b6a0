import { useEffect, useRef, useState } from 'preact/hooks'
import type { StoreApi } from 'zustand/vanilla'

/**
 * Reads a slice of a vanilla store and re-renders when that slice changes (by reference). The
 * widget's zustand binding: a few lines instead of a compat layer.
 */
export function useStore<S, T>(store: StoreApi<S>, select: (state: S) => T): T {
  const [value, setValue] = useState(() => select(store.getState()))
  const selectRef = useRef(select)
  selectRef.current = select
  useEffect(() => {
    const update = () => setValue(() => selectRef.current(store.getState()))
    update()
    return store.subscribe(update)
  }, [store])
  return value
}
