import { render } from 'preact'
import { ConsoleApp } from './console-app'
import './console.css'

const root = document.getElementById('console')
if (root) render(<ConsoleApp apiBase="" storage={safeLocalStorage()} />, root)

/** localStorage throws in some privacy modes just by being read. */
function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}
