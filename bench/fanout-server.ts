/**
 * The reference server alone, in a process of its own so the bench's 500 stream readers do not share
 * its event loop. Prints `{"port":…}` on stdout once listening; answers `rss` on stdin with its memory.
 */
import type { AddressInfo } from 'node:net'
import { createServerState } from '../src/server/index'
import { createNodeServer } from '../src/server/node'

// Rate limits and the stream cap off: 500 streams of one session is the point here, not what one visitor may do.
const server = createNodeServer({ state: createServerState({ rateLimits: false, maxStreamsPerSession: 10_000 }) })
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: (server.address() as AddressInfo).port }) + '\n')
})
process.stdin.setEncoding('utf8')
process.stdin.on('data', (line: string) => {
  if (line.trim() === 'rss') process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss }) + '\n')
})
process.stdin.on('end', () => {
  server.closeAllConnections()
  server.close(() => process.exit(0))
})
