/**
 * The look and placement options, read once, as text: the script tag's data- attributes are text, and
 * `createWidget` turns its options into the same text first (src/widget/options.ts), so both are
 * checked by the same rules. A value that breaks its rule is ignored with a console warning that
 * names it and the rule: the widget never breaks over one. Terse on purpose: every byte here counts
 * in the 30 kB budget of the script-tag build.
 */

/** What `mountWidget` applies: everything valid, nothing else. */
export interface Look {
  position: string
  /** Custom properties for the host, set in this order (later wins): the theme's, then the options'. */
  props: Array<[name: string, value: string]>
  /** `light`, `dark` or `auto` (the system's, as when absent). */
  scheme?: string | undefined
  label?: string | undefined
  open?: boolean
  sound?: boolean
  /** Renders in the target element instead of floating. */
  inline?: boolean
}

export const HEX_COLOR = /^#([\da-f]{3}){1,2}$/i
const FLAG = /^(|true|false)$/

/** What each option must match, as text. */
const RULES: Record<string, RegExp> = {
  position: /^(left|right)$/,
  color: HEX_COLOR,
  // px from the side, then from the bottom; one number for both.
  offset: /^\d+( \d+)?$/,
  zIndex: /^-?\d+$/,
  label: /\S/,
  theme: /^(light|dark|auto)$/,
  open: FLAG,
  sound: FLAG,
}

export const warn = (name: string, value: unknown, rule: string) =>
  console.warn(`Paychat: ${name} ${JSON.stringify(value)} is ignored: it must match ${rule}.`)

/** The look from option text (`data-*` attributes, or createWidget's options as text); `inline` when it has a target. */
export function readLook(text: Record<string, string | undefined>, inline?: boolean): Look {
  const ok: Record<string, string> = {}
  for (const name in RULES) {
    const value = text[name]
    if (value != null) RULES[name]!.test(value) ? (ok[name] = value) : warn(name, value, `${RULES[name]}`)
  }
  const props: Look['props'] = []
  const [x, y = x] = ok.offset?.split(' ') ?? []
  if (ok.color) props.push(['--pc-accent', ok.color])
  if (x) props.push(['--pc-offset-x', x + 'px'], ['--pc-offset-y', y + 'px'])
  if (ok.zIndex) props.push(['--pc-z-index', ok.zIndex])
  // A present attribute ("") is on, as "true" is.
  const on = (flag?: string) => flag != null && flag != 'false'
  return { position: ok.position ?? 'right', props, scheme: ok.theme, label: ok.label, open: on(ok.open), sound: on(ok.sound), inline }
}
