import { expect, test } from 'vitest'
import { useServedBuild } from './served-build'

/**
 * Finding 7: the operator console could be framed by any site, which could then trick an operator
 * into pressing Share, Revoke or Capture (clickjacking). Browsers old and new must refuse to frame it.
 */
const served = useServedBuild()

test.each(['/operator', '/operator/'])('%s refuses to be framed: CSP frame-ancestors and X-Frame-Options', async (path) => {
  const page = await served.get(path)
  expect(page.status).toBe(200)
  const policy = page.headers.get('content-security-policy') ?? ''
  expect(policy.split(';').map((d) => d.trim())).toContain("frame-ancestors 'none'")
  expect(page.headers.get('x-frame-options')).toBe('DENY')
})

test('the console runs only its own scripts: no inline code, nothing from elsewhere', async () => {
  const policy = (await served.get('/operator')).headers.get('content-security-policy') ?? ''
  const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]))
  expect(directives.get('default-src')).toBe("'self'")
  expect(directives.get('script-src') ?? directives.get('default-src')).toBe("'self'")
  expect(directives.get('object-src')).toBe("'none'")
  expect(directives.get('base-uri')).toBe("'none'")
})
