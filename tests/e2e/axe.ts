import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Frame, Page } from 'playwright-core'

/** axe-core's browser build, read once per test file. */
const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** WCAG 2.0–2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/** One rule axe found broken, and where (shadow DOM targets are paths: host, then inside). */
export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
  /** axe's summary for the first node: what to fix. */
  summary: string
}

/**
 * Injects axe-core into `page` (once) and runs it over `selector` (the whole document when omitted),
 * shadow roots included. Pages under a CSP that forbids inline scripts (the checkout's) still get it:
 * when the script tag is refused, the source is evaluated through the DevTools protocol, which CSP
 * does not govern.
 */
export async function axe(page: Page | Frame, selector?: string): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object')
  if (!present) {
    await page.addScriptTag({ content: source }).catch(() => undefined)
    if (!(await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object'))) await page.evaluate(source)
  }
  return page.evaluate(
    async ({ selector, tags }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
      const result = await axe.run(selector ? { include: [[selector]] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => JSON.stringify(n.target)),
        summary: v.nodes[0]?.failureSummary ?? '',
      }))
    },
    { selector, tags: AXE_TAGS },
  )
}

/** The violations as lines a failing assertion prints readably. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')} — ${v.summary.replace(/\s+/g, ' ')}`)
}
