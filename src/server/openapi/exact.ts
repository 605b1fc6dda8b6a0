import type { z } from 'zod'

/** True only when A and B are the same type (not merely assignable either way). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false

/**
 * The schema as it is, provided what it describes is exactly `T`: a field added to, dropped from or
 * retyped in `src/protocol/types.ts` without the same change here fails to compile, so the OpenAPI
 * document cannot drift from the wire types.
 *
 *   export const money = exactly<Money>()(z.object({ amount: z.number().int(), currency: z.string() }))
 */
export const exactly =
  <T>() =>
  <S extends z.ZodType>(schema: S & (Equal<z.output<S>, T> extends true ? unknown : { notExactly: T })): S =>
    schema
