import { describe, expect, test } from 'vitest'
import { surchargeQuote, surchargeSentence } from '../../../src/checkout/surcharge'

describe('surchargeQuote', () => {
  test('3 % on $24.50 is $0.74 (half up), a new total of $25.24', () => {
    expect(surchargeQuote({ amex: 300 }, 'amex', 2450, 'USD')).toEqual({
      cardBrand: 'amex',
      basisPoints: 300,
      fee: 74,
      total: 2524,
    })
  })

  test('a brand without a surcharge, or one that rounds to nothing, has no quote', () => {
    expect(surchargeQuote({ amex: 300 }, 'visa', 2450, 'USD')).toBeNull()
    expect(surchargeQuote({ amex: 300 }, 'unknown', 2450, 'USD')).toBeNull()
    expect(surchargeQuote({ amex: 300 }, 'amex', 10, 'USD')).toBeNull()
    expect(surchargeQuote({}, 'amex', 2450, 'USD')).toBeNull()
  })

  test('a name inherited by every object is no brand', () => {
    expect(surchargeQuote({ amex: 300 }, 'constructor', 2450, 'USD')).toBeNull()
  })

  test('three-decimal currencies round to their step of 10', () => {
    expect(surchargeQuote({ amex: 300 }, 'amex', 12_340, 'BHD')?.fee).toBe(370)
  })
})

describe('surchargeSentence', () => {
  test('names the brand, the percentage, the fee and the new total', () => {
    const quote = surchargeQuote({ amex: 300 }, 'amex', 2450, 'USD')!
    expect(surchargeSentence(quote, 'USD')).toBe(
      'American Express cards carry a 3% surcharge of $0.74. New total: $25.24.',
    )
  })

  test('a fractional percentage keeps its decimals', () => {
    const quote = surchargeQuote({ visa: 250 }, 'visa', 10_000, 'USD')!
    expect(surchargeSentence(quote, 'USD')).toBe('Visa cards carry a 2.5% surcharge of $2.50. New total: $102.50.')
  })
})
