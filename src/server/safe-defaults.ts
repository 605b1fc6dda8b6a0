import {
  DEMO_ADMIN_TOKEN,
  DEMO_AGENT_TOKENS,
  DEMO_GATEWAY_WEBHOOK_SECRET,
  DEMO_IDENTITY_SECRETS,
  DEMO_WHATSAPP_APP_SECRET,
  DEMO_WHATSAPP_VERIFY_TOKEN,
} from './demo-secrets'
import type { ServerStateOptions } from './state'

/** The environment as `process.env` gives it. */
export type Env = Readonly<Record<string, string | undefined>>

/** Every secret `npm start` takes from the environment, with its public demo value (README). */
export const SECRET_VARIABLES = {
  PAYCHAT_OPERATOR_TOKEN: DEMO_ADMIN_TOKEN,
  PAYCHAT_AGENT_ANA_TOKEN: DEMO_AGENT_TOKENS.op_ana!,
  PAYCHAT_AGENT_KENJI_TOKEN: DEMO_AGENT_TOKENS.op_kenji!,
  PAYCHAT_AGENT_LUCIA_TOKEN: DEMO_AGENT_TOKENS.op_lucia!,
  PAYCHAT_WA_VERIFY_TOKEN: DEMO_WHATSAPP_VERIFY_TOKEN,
  PAYCHAT_WA_APP_SECRET: DEMO_WHATSAPP_APP_SECRET,
  PAYCHAT_GATEWAY_WEBHOOK_SECRET: DEMO_GATEWAY_WEBHOOK_SECRET,
  PAYCHAT_IDENTITY_SECRET_ACME: DEMO_IDENTITY_SECRETS.brand_acme!,
  PAYCHAT_IDENTITY_SECRET_SAKURA: DEMO_IDENTITY_SECRETS.brand_sakura!,
} as const

export type SecretVariable = keyof typeof SECRET_VARIABLES

/** A variable's value, or its demo value when it is unset or empty. */
export const secretFrom = (env: Env, name: SecretVariable): string => env[name] || SECRET_VARIABLES[name]

/** The server's secrets as `createServerState` takes them, each from its variable or at its demo value. */
export function secretOptionsFrom(env: Env) {
  const secret = (name: SecretVariable) => secretFrom(env, name)
  return {
    operatorToken: secret('PAYCHAT_OPERATOR_TOKEN'),
    operatorTokens: {
      op_ana: secret('PAYCHAT_AGENT_ANA_TOKEN'),
      op_kenji: secret('PAYCHAT_AGENT_KENJI_TOKEN'),
      op_lucia: secret('PAYCHAT_AGENT_LUCIA_TOKEN'),
    },
    whatsapp: { verifyToken: secret('PAYCHAT_WA_VERIFY_TOKEN'), appSecret: secret('PAYCHAT_WA_APP_SECRET') },
    gatewayWebhookSecret: secret('PAYCHAT_GATEWAY_WEBHOOK_SECRET'),
    identitySecrets: { brand_acme: secret('PAYCHAT_IDENTITY_SECRET_ACME'), brand_sakura: secret('PAYCHAT_IDENTITY_SECRET_SAKURA') },
  } satisfies ServerStateOptions
}

export type StartupDecision = { start: true; mockControls: boolean } | { start: false; reason: string }

/** Hosts only this machine can reach: `localhost`, 127.0.0.0/8 and ::1 (bracketed or not). */
export function isLoopback(host: string): boolean {
  const bare = host.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || /^::ffff:127(\.\d{1,3}){3}$/.test(bare)
}

/**
 * Whether `npm start` may listen on `HOST`, and with the mock controls or not. On loopback the
 * one-command demo starts as it always did, mock controls on (PAYCHAT_MOCK_CONTROLS=0 turns them off).
 * Beyond loopback a public demo secret is a public door, so the server refuses while any is left,
 * unless PAYCHAT_DEMO=1 says a public demo is intended; there the mock controls are off unless
 * PAYCHAT_MOCK_CONTROLS=1.
 */
export function decideStartup(env: Env): StartupDecision {
  for (const name of ['PAYCHAT_DEMO', 'PAYCHAT_MOCK_CONTROLS']) {
    const value = env[name]
    if (value && value !== '0' && value !== '1') return { start: false, reason: `${name} must be 0 or 1, not "${value}".` }
  }
  const host = env.HOST || 'localhost'
  if (isLoopback(host)) return { start: true, mockControls: env.PAYCHAT_MOCK_CONTROLS !== '0' }
  const atDemoValue = (Object.keys(SECRET_VARIABLES) as SecretVariable[]).filter((name) => secretFrom(env, name) === SECRET_VARIABLES[name])
  if (env.PAYCHAT_DEMO !== '1' && atDemoValue.length > 0) {
    const one = atDemoValue.length === 1
    return {
      start: false,
      reason:
        `Refusing to listen on ${host}: ${listed(atDemoValue)} ${one ? 'still has its' : 'still have their'} public demo ` +
        `value${one ? '' : 's'}, so set ${one ? 'it' : 'each'} to a secret of your own, or set PAYCHAT_DEMO=1 to run a public demo on purpose.`,
    }
  }
  return { start: true, mockControls: env.PAYCHAT_MOCK_CONTROLS === '1' }
}

/** "A", "A and B", "A, B and C". */
function listed(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}
