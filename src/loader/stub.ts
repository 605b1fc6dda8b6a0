/**
 * The one-line queue stub a page pastes before the script tag, so `Paychat(...)` works before
 * `paychat.js` has loaded: calls pile up in `Paychat.q` and the loader replays them in order.
 * Kept here so the README snippet and the loader's tests use the very same text.
 */
export const LOADER_STUB =
  'window.Paychat=window.Paychat||function(){(Paychat.q=Paychat.q||[]).push(arguments)}'
