import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createNodeServer } from './node'
import { createServerState } from './state'

const port = Number(process.env.PORT ?? 8787)
const host = process.env.HOST ?? 'localhost'
const operatorToken = process.env.PAYCHAT_OPERATOR_TOKEN ?? 'op_demo'
const staticRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist')

const whatsapp = {
  ...(process.env.PAYCHAT_WA_VERIFY_TOKEN ? { verifyToken: process.env.PAYCHAT_WA_VERIFY_TOKEN } : {}),
  ...(process.env.PAYCHAT_WA_APP_SECRET ? { appSecret: process.env.PAYCHAT_WA_APP_SECRET } : {}),
}
// A wildcard bind address is no place a browser can go; the same machine reaches it as localhost.
const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
const base = `http://${shown}:${port}`
const publicUrl = process.env.PAYCHAT_PUBLIC_URL ?? base

const server = createNodeServer({ state: createServerState({ operatorToken, whatsapp, publicUrl }), staticRoot })
server.listen(port, host, () => {
  console.log(`Paychat reference server
  Demo shop         ${base}/
  Demo shop (ja)    ${base}/sakura
  npm module demo   ${base}/npm-app/
  Inline chat demo  ${base}/inline
  Operator console  ${base}/operator   (token: ${operatorToken})
  Widget script     ${base}/paychat.js
  API               ${base}/v1   (see docs/api.md; OpenAPI 3.1 at ${base}/openapi.json)
  Hosted checkout   ${base}/checkout/<checkoutSessionId>
  Gateway webhook   ${base}/v1/webhooks/gateway
  WhatsApp webhook  ${base}/v1/webhooks/whatsapp   (simulate a customer: POST ${base}/v1/mock/whatsapp/inbound)
Press Ctrl+C to stop.`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.closeAllConnections()
    server.close(() => process.exit(0))
  })
}
