import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createHandlers } from './index'
import { createNodeServer } from './node'
import { decideStartup, secretOptionsFrom, SECRET_VARIABLES } from './safe-defaults'
import { createServerState } from './state'

// Nothing with a public demo secret listens beyond loopback unless a public demo is declared (safe-defaults.ts).
const decision = decideStartup(process.env)
if (!decision.start) {
  console.error(decision.reason)
  process.exit(1)
}

const port = Number(process.env.PORT ?? 8787)
const host = process.env.HOST || 'localhost'
const staticRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist')

// A wildcard bind address is no place a browser can go; the same machine reaches it as localhost.
const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
const base = `http://${shown}:${port}`
const publicUrl = process.env.PAYCHAT_PUBLIC_URL ?? base

const secrets = secretOptionsFrom(process.env)
const state = createServerState({ ...secrets, publicUrl })
const server = createNodeServer({ state, handlers: createHandlers({ state, mock: decision.mockControls }), staticRoot })

// The demo tokens are printed for the one-command demo; tokens of your own are not.
const tokens =
  secrets.operatorToken === SECRET_VARIABLES.PAYCHAT_OPERATOR_TOKEN
    ? `admin token: ${secrets.operatorToken}; agents: ${Object.values(secrets.operatorTokens).join(', ')}`
    : 'your operator tokens'
const mock = decision.mockControls ? `   (simulate a customer: POST ${base}/v1/mock/whatsapp/inbound)` : ''

server.listen(port, host, () => {
  console.log(`Paychat reference server
  Demo shop         ${base}/
  Demo shop (ja)    ${base}/sakura
  npm module demo   ${base}/npm-app/
  Inline chat demo  ${base}/inline
  Operator console  ${base}/operator   (${tokens})
  Widget script     ${base}/paychat.js
  API               ${base}/v1   (see docs/api.md; OpenAPI 3.1 at ${base}/openapi.json)
  Hosted checkout   ${base}/checkout/<checkoutSessionId>
  Gateway webhook   ${base}/v1/webhooks/gateway
  WhatsApp webhook  ${base}/v1/webhooks/whatsapp${mock}
  Mock controls     ${decision.mockControls ? `${base}/v1/mock   (admin token only)` : 'off'}
Press Ctrl+C to stop.`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.closeAllConnections()
    server.close(() => process.exit(0))
  })
}
