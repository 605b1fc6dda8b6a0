import { newId } from '../ids'
import type { ServerState } from '../state'
import type { AttemptRecord } from './gateway-state'

/** The gateway makes an attempt: a new reference, kept with what it charges before any event tells of it. */
export function makeAttempt(state: ServerState, attempt: Omit<AttemptRecord, 'reference' | 'outcome'>): string {
  const reference = newId('ch')
  state.gateway.attempts.set(reference, { reference, ...attempt, outcome: 'pending' })
  return reference
}
