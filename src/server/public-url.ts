import type { AddressInfo } from 'node:net'

/** Where the CLI listens by default; what a state made without a public URL and never listening says. */
export const DEFAULT_PUBLIC_URL = 'http://localhost:8787'

/**
 * The origin customers reach this server at (`PAYCHAT_PUBLIC_URL`): every absolute URL the server
 * makes starts with it, never with a request's Host or X-Forwarded-* (anyone can send those). Only an
 * http(s) origin is accepted: a path, query or credentials would end up in every checkout link.
 */
export function publicUrlFrom(value: string): string {
  let url: URL | null = null
  try {
    url = new URL(value)
  } catch {
    // refused below
  }
  const origin = url && (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password ? url.origin : null
  if (!origin || url!.pathname !== '/' || url!.search || url!.hash) {
    throw new Error(`The public URL must be an http(s) origin such as https://chat.example.com, not "${value}".`)
  }
  return origin
}

/** How this machine reaches a server listening at `address`: a wildcard address is reached as localhost. */
export function listeningUrl(address: AddressInfo | string | null): string | null {
  if (address === null || typeof address === 'string') return null // a pipe has no URL
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
}
