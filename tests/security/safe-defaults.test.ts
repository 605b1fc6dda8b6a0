import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { decideStartup, isLoopback, SECRET_VARIABLES } from '../../src/server/safe-defaults'

/**
 * Finding 1 and the rule behind it: `npm start` listened wherever HOST said with every secret at its
 * public demo value (the operator token, the webhook secrets, the identity secrets) and the mock
 * controls on. Now a server with a public demo secret listens only on loopback, unless a public demo
 * is declared with PAYCHAT_DEMO=1; mock controls are on only on loopback, unless asked for.
 */
const EVERY_SECRET_SET = Object.fromEntries(Object.keys(SECRET_VARIABLES).map((name) => [name, `own-${name.toLowerCase()}`]))

describe('the decision (src/server/safe-defaults.ts)', () => {
  test.each(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', 'LOCALHOST'])('%s is loopback', (host) => {
    expect(isLoopback(host)).toBe(true)
  })

  test.each(['0.0.0.0', '::', '192.168.1.20', 'paychat.example', '10.0.0.1', 'localhost.attacker.example'])('%s is not loopback', (host) => {
    expect(isLoopback(host)).toBe(false)
  })

  test('on loopback (and without HOST) the one-command demo starts as today, mock controls on', () => {
    expect(decideStartup({})).toEqual({ start: true, mockControls: true })
    expect(decideStartup({ HOST: '127.0.0.1' })).toEqual({ start: true, mockControls: true })
    expect(decideStartup({ HOST: 'localhost', PAYCHAT_MOCK_CONTROLS: '0' })).toEqual({ start: true, mockControls: false })
  })

  test('beyond loopback with every secret at its demo value it refuses, naming each variable in one sentence', () => {
    const decision = decideStartup({ HOST: '0.0.0.0' })
    expect(decision.start).toBe(false)
    if (decision.start) return
    for (const name of Object.keys(SECRET_VARIABLES)) expect(decision.reason).toContain(name)
    expect(decision.reason).toContain('PAYCHAT_DEMO=1')
    expect(decision.reason.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBe(1)
  })

  test('the sentence names only the variables still at their demo value, set or not', () => {
    const { PAYCHAT_WA_APP_SECRET: _kept, ...rest } = EVERY_SECRET_SET
    const decision = decideStartup({ HOST: '192.168.1.20', ...rest, PAYCHAT_GATEWAY_WEBHOOK_SECRET: SECRET_VARIABLES.PAYCHAT_GATEWAY_WEBHOOK_SECRET })
    expect(decision).toEqual({
      start: false,
      reason: expect.stringMatching(/PAYCHAT_WA_APP_SECRET and PAYCHAT_GATEWAY_WEBHOOK_SECRET|PAYCHAT_GATEWAY_WEBHOOK_SECRET and PAYCHAT_WA_APP_SECRET/),
    })
    if (decision.start) return
    expect(decision.reason).not.toContain('PAYCHAT_OPERATOR_TOKEN')
    expect(decision.reason).toContain('192.168.1.20')
  })

  test('beyond loopback with every secret its own it starts, mock controls off unless asked for', () => {
    expect(decideStartup({ HOST: '0.0.0.0', ...EVERY_SECRET_SET })).toEqual({ start: true, mockControls: false })
    expect(decideStartup({ HOST: '0.0.0.0', ...EVERY_SECRET_SET, PAYCHAT_MOCK_CONTROLS: '1' })).toEqual({ start: true, mockControls: true })
  })

  test('PAYCHAT_DEMO=1 declares a public demo: it starts with the demo secrets, mock controls off unless PAYCHAT_MOCK_CONTROLS=1', () => {
    expect(decideStartup({ HOST: '0.0.0.0', PAYCHAT_DEMO: '1' })).toEqual({ start: true, mockControls: false })
    expect(decideStartup({ HOST: '0.0.0.0', PAYCHAT_DEMO: '1', PAYCHAT_MOCK_CONTROLS: '1' })).toEqual({ start: true, mockControls: true })
  })

  test('a switch that is neither 0 nor 1 refuses with a sentence rather than guessing', () => {
    expect(decideStartup({ PAYCHAT_MOCK_CONTROLS: 'yes' })).toEqual({ start: false, reason: expect.stringContaining('PAYCHAT_MOCK_CONTROLS') })
    expect(decideStartup({ HOST: '0.0.0.0', PAYCHAT_DEMO: 'true' })).toEqual({ start: false, reason: expect.stringContaining('PAYCHAT_DEMO') })
  })

  test('an empty variable counts as unset', () => {
    expect(decideStartup({ HOST: '0.0.0.0', ...EVERY_SECRET_SET, PAYCHAT_OPERATOR_TOKEN: '' })).toEqual({
      start: false,
      reason: expect.stringContaining('PAYCHAT_OPERATOR_TOKEN'),
    })
  })
})

describe('npm start (src/server/cli.ts)', () => {
  const root = resolve(import.meta.dirname, '../..')

  /** Runs the CLI with `env` on top of a clean environment until it exits or prints its banner. */
  function runCli(env: Record<string, string>) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    const started = new Promise<void>((done) => child.stdout.on('data', () => stdout.includes('Press Ctrl+C') && done()))
    return { child, exited, started, output: () => ({ stdout, stderr }) }
  }

  async function freePort(): Promise<number> {
    const server = createServer()
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const { port } = server.address() as { port: number }
    await new Promise((done) => server.close(done))
    return port
  }

  test('HOST=0.0.0.0 refuses to start: a non-zero exit and one sentence naming the demo secrets', async () => {
    const cli = runCli({ HOST: '0.0.0.0', PORT: String(await freePort()) })
    const code = await cli.exited
    expect(code).not.toBe(0)
    const { stdout, stderr } = cli.output()
    expect(stdout).not.toContain('Press Ctrl+C')
    expect(stderr).toContain('PAYCHAT_OPERATOR_TOKEN')
    expect(stderr).toContain('PAYCHAT_GATEWAY_WEBHOOK_SECRET')
    expect(stderr).toContain('PAYCHAT_DEMO=1')
  }, 30_000)

  test.each([
    [{}, 200],
    [{ PAYCHAT_MOCK_CONTROLS: '0' }, 404],
  ])('on loopback with %o it starts, and the mock clock with the admin token answers %i', async (env, status) => {
    const port = await freePort()
    const cli = runCli({ HOST: '127.0.0.1', PORT: String(port), ...env })
    try {
      await Promise.race([cli.started, cli.exited.then(() => Promise.reject(new Error(cli.output().stderr)))])
      const base = `http://127.0.0.1:${port}`
      const clock = await fetch(`${base}/v1/mock/clock`, { headers: { authorization: 'Bearer op_demo' } })
      expect(clock.status).toBe(status)
      const brands = await fetch(`${base}/v1/operator/brands`, { headers: { authorization: 'Bearer op_demo' } })
      expect(brands.status).toBe(200)
    } finally {
      cli.child.kill('SIGTERM')
      await cli.exited
    }
  }, 30_000)

  test('each operator token comes from its own variable', async () => {
    const port = await freePort()
    const cli = runCli({ HOST: '127.0.0.1', PORT: String(port), PAYCHAT_AGENT_LUCIA_TOKEN: 'lucia-own-secret' })
    try {
      await Promise.race([cli.started, cli.exited.then(() => Promise.reject(new Error(cli.output().stderr)))])
      const me = (token: string) => fetch(`http://127.0.0.1:${port}/v1/operator/me`, { headers: { authorization: `Bearer ${token}` } })
      expect((await me('lucia-own-secret')).status).toBe(200)
      expect((await me('agent_lucia_demo')).status).toBe(401)
    } finally {
      cli.child.kill('SIGTERM')
      await cli.exited
    }
  }, 30_000)
})
