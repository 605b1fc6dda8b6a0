/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): in a name they make
 * "Bob \u202Efdp.exe" read "Bob exe.pdf". No one's name needs them, so names lose them at the server.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '')
}

/**
 * `value` as a unit of its own inside a longer text (a template value in its body, a message in a
 * preview line): between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so it takes its own
 * direction and cannot reorder the text around it. A value from outside loses its own controls first
 * (`withoutBidiControls`): a stray one could end the isolate early.
 */
export function isolated(value: string): string {
  return `\u2068${value}\u2069`
}
