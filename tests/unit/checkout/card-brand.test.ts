import { describe, expect, test } from 'vitest'
import { cardBrandName, detectCardBrand } from '../../../src/checkout/card/card-brand'

describe('detectCardBrand', () => {
  test.each([
    ['4242 4242 4242 4242', 'visa'],
    ['4000000000000002', 'visa'],
    ['4', 'visa'],
    ['5555 5555 5555 4444', 'mastercard'],
    ['5105105105105100', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2720990000000000', 'mastercard'],
    ['378282246310005', 'amex'],
    ['3400 000000 00009', 'amex'],
    ['3530111333300000', 'jcb'],
    ['3589000000000000', 'jcb'],
    ['3527000000000000', 'unknown'],
    ['2220990000000000', 'unknown'],
    ['2721000000000000', 'unknown'],
    ['6011111111111117', 'unknown'],
    ['5', 'unknown'],
    ['', 'unknown'],
  ])('%j is %s', (number, brand) => {
    expect(detectCardBrand(number)).toBe(brand)
  })
})

describe('cardBrandName', () => {
  test.each([
    ['visa', 'Visa'],
    ['amex', 'American Express'],
    ['unknown', 'Card'],
    ['discover', 'Card'],
    ['toString', 'Card'],
  ])('%s reads as %s', (brand, name) => {
    expect(cardBrandName(brand)).toBe(name)
  })
})
