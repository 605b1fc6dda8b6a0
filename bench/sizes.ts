import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface FileSize {
  file: string
  raw: number
  gzip: number
}

export interface SizeGroup {
  name: string
  version?: string
  files: FileSize[]
  raw: number
  gzip: number
  note?: string
  error?: string
}

export interface SizeReport {
  widget: SizeGroup
  checkout: SizeGroup
  peers: SizeGroup[]
}

export function measureFile(path: string, label = basename(path)): FileSize {
  const bytes = readFileSync(path)
  return { file: label, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

function group(name: string, files: FileSize[], extra: Partial<SizeGroup> = {}): SizeGroup {
  return {
    name,
    ...extra,
    files,
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

/** Every .js and .css file the widget build holds (the loader and whatever it loads lazily). */
export function widgetSizes(root: string): SizeGroup {
  const dir = join(root, 'dist/widget')
  const files = walk(dir)
    .filter((f) => /\.(js|css)$/.test(f))
    .sort()
    .map((f) => measureFile(f, relative(dir, f)))
  return group('paychat widget (dist/widget)', files)
}

/** The hosted checkout page and the scripts and styles its HTML names. */
export function checkoutSizes(root: string): SizeGroup {
  const html = join(root, 'dist/app/src/checkout/index.html')
  const app = join(root, 'dist/app')
  const assets = [...readFileSync(html, 'utf8').matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!,
  )
  return group('hosted checkout', [measureFile(html, 'checkout/index.html'), ...assets.map((a) => measureFile(join(app, a), a))])
}

interface Packed {
  dir: string
  version: string
}

/** `npm pack` into the cache once, then reuse the extracted package. */
function fetchPackage(name: string, cache: string): Packed {
  mkdirSync(cache, { recursive: true })
  const prefix = name.replace(/^@/, '').replace('/', '-') + '-'
  let tgz = readdirSync(cache).find((f) => f.startsWith(prefix) && /^\d/.test(f.slice(prefix.length)) && f.endsWith('.tgz'))
  if (!tgz) {
    const out = execFileSync('npm', ['pack', name, '--pack-destination', cache, '--json', '--silent'], {
      encoding: 'utf8',
      timeout: 90_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    tgz = (JSON.parse(out) as { filename: string }[])[0]!.filename.replace(/^.*\//, '')
  }
  const dir = join(cache, tgz.replace(/\.tgz$/, ''))
  if (!existsSync(join(dir, 'package/package.json'))) {
    mkdirSync(dir, { recursive: true })
    execFileSync('tar', ['xzf', join(cache, tgz), '-C', dir])
  }
  const pkg = join(dir, 'package')
  return { dir: pkg, version: (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version }
}

/**
 * Rocket.Chat Livechat: the loader the host page includes, the iframe page and the scripts it names,
 * and the chunks its bundle loads at start (the first `Promise.all([r.e(4), r.e(5)])`).
 */
function livechatFiles(pkg: string): FileSize[] {
  const build = join(pkg, 'build')
  const names = readdirSync(build)
  const files = [measureFile(join(build, 'rocketchat-livechat.min.js'), 'rocketchat-livechat.min.js (loader)')]
  const html = readFileSync(join(build, 'index.html'), 'utf8')
  files.push(measureFile(join(build, 'index.html'), 'index.html (iframe)'))
  const scripts = [...html.matchAll(/<script[^>]*src="(?:livechat\/)?([^"]+)"/g)].map((m) => m[1]!)
  for (const s of scripts) files.push(measureFile(join(build, s), s))
  const bundle = scripts.find((s) => /^bundle\./.test(s))
  const first = bundle ? /Promise\.all\(\[((?:\w+\.e\(\d+\),?)+)\]\)/.exec(readFileSync(join(build, bundle), 'utf8')) : null
  const ids = first ? [...first[1]!.matchAll(/\.e\((\d+)\)/g)].map((m) => m[1]!) : []
  for (const id of ids) {
    for (const n of names.filter((n) => n.startsWith(`${id}.chunk.`) && /\.(js|css)$/.test(n))) files.push(measureFile(join(build, n), n))
  }
  return files
}

/** Botpress Webchat: its main (ES module) bundle and its stylesheet. */
function botpressFiles(pkg: string): FileSize[] {
  const meta = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { module?: string; main?: string }
  const main = join(pkg, meta.module ?? meta.main ?? 'dist/index.js')
  const files = [measureFile(main, relative(pkg, main))]
  const css = join(pkg, 'dist/style.css')
  if (existsSync(css) && statSync(css).isFile()) files.push(measureFile(css, 'dist/style.css'))
  return files
}

const PEERS: { name: string; files(pkg: string): FileSize[]; note: string }[] = [
  {
    name: '@rocket.chat/livechat',
    files: livechatFiles,
    note: 'loader + iframe page + its scripts + chunks loaded at start',
  },
  {
    name: '@botpress/webchat',
    files: botpressFiles,
    note: 'main ES bundle + style.css; react, react-dom are external (not counted)',
  },
]

export function peerSizes(cache: string): SizeGroup[] {
  return PEERS.map((peer) => {
    try {
      const { dir, version } = fetchPackage(peer.name, cache)
      return group(peer.name, peer.files(dir), { version, note: peer.note })
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
      console.error(`! could not fetch or measure ${peer.name}: ${message}`)
      return group(peer.name, [], { error: message, note: peer.note })
    }
  })
}

export function measureSizes(root: string): SizeReport {
  return { widget: widgetSizes(root), checkout: checkoutSizes(root), peers: peerSizes(join(root, 'bench/.cache')) }
}
