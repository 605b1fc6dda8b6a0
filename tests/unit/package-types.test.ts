import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import pkg from '../../package.json' with { type: 'json' }

/**
 * A developer's TypeScript project using the package, as installed from the tarball `npm pack` makes:
 * one compiled with `moduleResolution: node16` (an ESM Node project), one with `bundler` (a Vite or
 * webpack app). Both must type-check, and the `@ts-expect-error` lines prove the types are real
 * (an `any` would leave them unused, which is an error). Like most apps they set `skipLibCheck`; a
 * third, browser-only project leaves it off so the declarations of `paychat` itself are checked
 * (the server entries' are not: that would mean checking all of msw's and zod's, some 30 s).
 * Runs on the build that `npm test` makes first.
 */

const root = resolve(import.meta.dirname, '../..')
const tsc = resolve(root, 'node_modules/typescript/bin/tsc')
let temp: string

/** What a consumer writes: the widget with its options and events, the headless client, the server. */
const CONSUMER = `
import {
  ApiError,
  createClient,
  createWidget,
  isApiError,
  type Message,
  type PaychatClient,
  type PaychatEventName,
  type PaychatWidget,
  type PaymentRequest,
  type WidgetOptions,
} from 'paychat'
import { createHandlers, createServerState, type HandlerOptions, type ServerState } from 'paychat/server'
import { createNodeServer, type NodeServerOptions } from 'paychat/server/node'

export function mountChat(target: HTMLElement): PaychatWidget {
  const options: WidgetOptions = {
    widgetKey: 'wk_demo',
    apiBase: 'https://chat.example.com',
    target,
    locale: 'ja',
    position: 'left',
    color: '#0a7d4f',
    storage: null,
  }
  const widget = createWidget(options)
  const off: () => void = widget.on('message', (message: Message) => console.log(message.text))
  widget.on('payment:paid', ({ paymentRequest }) => console.log(paymentRequest.price.currency))
  widget.on('ready', ({ conversationId }) => console.log(conversationId.toUpperCase()))
  off()
  widget.open()
  // @ts-expect-error position is "left" or "right"
  createWidget({ ...options, position: 'top' })
  // @ts-expect-error widgetKey is required
  createWidget({ apiBase: 'https://chat.example.com' })
  // @ts-expect-error there is no such event
  widget.on('payment:refunded', () => {})
  const event: PaychatEventName = 'handoff'
  console.log(event)
  return widget
}

export async function lastText(client: PaychatClient): Promise<string | undefined> {
  try {
    const { conversation } = await client.startSession()
    const page = await client.listMessages(conversation.id, { limit: 20 })
    return page.messages.at(-1)?.text
  } catch (error) {
    if (isApiError(error)) console.log(error.status, error.code)
    if (error instanceof ApiError) console.log(error.serverMessage)
    return undefined
  }
}

export function pending(card: PaymentRequest): boolean {
  return card.status === 'pending'
}

export const client: PaychatClient = createClient({ widgetKey: 'wk_demo', apiBase: 'https://chat.example.com', retries: 1 })
// @ts-expect-error apiBase is required
createClient({ widgetKey: 'wk_demo' })

const state: ServerState = createServerState()
const handlerOptions: HandlerOptions = { state, mock: false }
export const handlers = createHandlers(handlerOptions)
const serverOptions: NodeServerOptions = { state, handlers, staticRoot: '/srv/paychat/dist', log: (line) => console.log(line) }
export const server = createNodeServer(serverOptions)
server.listen(0)
`

/** A browser app that only uses `paychat`, whose declarations then get checked in full. */
const BROWSER_ONLY = `
import { createWidget, type WidgetOptions } from 'paychat'
const options: WidgetOptions = { widgetKey: 'wk_demo', apiBase: 'https://chat.example.com' }
createWidget(options).on('open', () => {})
`

const COMMON = {
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  types: ['node'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
}

const CONSUMERS = {
  node16: { packageJson: { type: 'module' }, compilerOptions: { module: 'node16', moduleResolution: 'node16' }, file: 'index.ts', code: CONSUMER },
  bundler: { packageJson: {}, compilerOptions: { module: 'esnext', moduleResolution: 'bundler' }, file: 'src/main.ts', code: CONSUMER },
  'node16, skipLibCheck off': {
    packageJson: { type: 'module' },
    compilerOptions: { module: 'node16', moduleResolution: 'node16', types: [], skipLibCheck: false, skipDefaultLibCheck: true },
    file: 'index.ts',
    code: BROWSER_ONLY,
  },
} as const

/** `tsc -p` of one consumer, with the files it read; once each. */
const results = new Map<string, { output: string; status: number | null; files: string[] }>()
function typeCheck(name: string) {
  let result = results.get(name)
  if (!result) {
    const run = spawnSync(process.execPath, [tsc, '-p', dirFor(name), '--pretty', 'false', '--listFiles'], { encoding: 'utf8' })
    const lines = (run.stdout + run.stderr).split('\n').filter(Boolean)
    const isFile = (line: string) => line.startsWith('/') && /\.[cm]?ts$/.test(line)
    result = { output: lines.filter((line) => !isFile(line)).join('\n'), status: run.status, files: lines.filter(isFile) }
    results.set(name, result)
  }
  return result
}

const dirFor = (name: string) => join(temp, name.replace(/\W+/g, '-'))

function write(file: string, text: string) {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text)
}

beforeAll(() => {
  if (!existsSync(resolve(root, 'dist/lib/index.d.ts'))) throw new Error('Run `npm run build` before this test.')
  temp = mkdtempSync(join(tmpdir(), 'paychat-consumers-'))
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', temp], { cwd: root, encoding: 'utf8' })
  const tarball = join(temp, (JSON.parse(out) as { filename: string }[])[0]!.filename)
  for (const [name, consumer] of Object.entries(CONSUMERS)) {
    const dir = dirFor(name)
    // "Installed": the tarball unpacked into node_modules/paychat, its dependencies (and @types/node)
    // linked from this repo's node_modules, as npm would have installed them beside it.
    const installed = join(dir, 'node_modules/paychat')
    mkdirSync(installed, { recursive: true })
    execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'])
    for (const dependency of [...Object.keys(pkg.dependencies), '@types/node']) {
      const link = join(dir, 'node_modules', dependency)
      mkdirSync(dirname(link), { recursive: true })
      symlinkSync(resolve(root, 'node_modules', dependency), link, 'dir')
    }
    write(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, ...consumer.packageJson }))
    write(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...COMMON, ...consumer.compilerOptions }, files: [consumer.file] }))
    write(join(dir, consumer.file), consumer.code)
  }
}, 60_000)

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true })
})

describe('a TypeScript project using the packed package', () => {
  test.each(Object.keys(CONSUMERS))('type-checks with moduleResolution %s', (name) => {
    const { output, status } = typeCheck(name)
    expect(output).toBe('')
    expect(status).toBe(0)
  }, 120_000)

  test('the npm demo (demo/npm-app, plain JSX) type-checks against the built declarations with checkJs', () => {
    // Resolved from inside this repository, 'paychat' is the package's own name: TypeScript follows
    // package.json's exports to dist/lib/index.d.ts, as it would in node_modules.
    const dir = join(temp, 'npm-app-demo')
    const compilerOptions = {
      ...COMMON,
      types: [],
      module: 'esnext',
      moduleResolution: 'bundler',
      allowJs: true,
      checkJs: true,
      jsx: 'react-jsx',
      jsxImportSource: 'preact',
    }
    write(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: [resolve(root, 'demo/npm-app/main.jsx')] }))
    const run = spawnSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false', '--listFiles'], { encoding: 'utf8' })
    const lines = (run.stdout + run.stderr).split('\n').filter(Boolean)
    expect(lines.filter((line) => !line.startsWith('/'))).toEqual([])
    expect(lines).toContain(resolve(root, 'dist/lib/index.d.ts'))
    expect(run.status).toBe(0)
  }, 120_000)

  test('its types come from the bundled declarations beside the entries in dist/lib', () => {
    const prefix = '/node_modules/paychat/'
    const ours = typeCheck('node16')
      .files.filter((file) => file.includes(prefix))
      .map((file) => file.slice(file.indexOf(prefix) + prefix.length))
    expect(ours).toEqual(expect.arrayContaining(['dist/lib/index.d.ts', 'dist/lib/server.d.ts', 'dist/lib/server-node.d.ts']))
    expect(ours.filter((file) => !/^dist\/lib\/[\w-]+\.d\.ts$/.test(file))).toEqual([])
  }, 120_000)
})
