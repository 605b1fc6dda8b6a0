/**
 * The reference server's demo secrets. They are printed in the README, so anyone knows them: a server
 * that still uses one listens only on loopback, or in a public demo declared with PAYCHAT_DEMO=1
 * (`safe-defaults.ts`). Each is replaced by an environment variable or a `createServerState` option.
 */
export const DEMO_ADMIN_TOKEN = 'op_demo'

/** The seeded agents' tokens, by operator id. */
export const DEMO_AGENT_TOKENS: Readonly<Record<string, string>> = {
  op_ana: 'agent_ana_demo',
  op_kenji: 'agent_kenji_demo',
  op_lucia: 'agent_lucia_demo',
}

export const DEMO_GATEWAY_WEBHOOK_SECRET = 'whsec_paychat_demo'

export const DEMO_WHATSAPP_VERIFY_TOKEN = 'paychat-demo-verify'
export const DEMO_WHATSAPP_APP_SECRET = 'paychat-demo-secret'

/** Each brand's identity verification secret, by brand id. */
export const DEMO_IDENTITY_SECRETS: Readonly<Record<string, string>> = {
  brand_acme: 'idv_demo_acme',
  brand_sakura: 'idv_demo_sakura',
}
