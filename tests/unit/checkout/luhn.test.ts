import { describe, expect, test } from 'vitest'
import { passesLuhn } from '../../../src/checkout/card/luhn'

describe('passesLuhn', () => {
  test.each([
    ['4242424242424242', 'the paying test card'],
    ['4000000000000002', 'the declined test card'],
    ['4000000000000119', 'the processing-error test card'],
    ['5555555555554444', 'a Mastercard test number'],
    ['378282246310005', 'an American Express test number'],
    ['3530111333300000', 'a JCB test number'],
    ['0', 'a lone zero'],
  ])('accepts %s (%s)', (digits) => {
    expect(passesLuhn(digits)).toBe(true)
  })

  test.each([
    ['4242424242424241', 'last digit off by one'],
    ['4242424242424224', 'two neighbours swapped'],
    ['1234567812345678', 'a made-up number'],
    ['', 'nothing'],
    ['4242 4242 4242 4242', 'spaces (callers pass digits only)'],
    ['42424242424242a2', 'a letter'],
  ])('rejects %j (%s)', (digits) => {
    expect(passesLuhn(digits)).toBe(false)
  })
})
