import { describe, expect, test } from 'vitest'
import { caretAfterDigits, cardDigits, formatCardNumber } from '../../../src/checkout/card/card-number'

describe('formatCardNumber groups digits as they are printed on the card', () => {
  test.each([
    ['4242424242424242', '4242 4242 4242 4242'],
    ['4242 4242 4242 4242', '4242 4242 4242 4242'],
    ['4242-4242-4242-4242', '4242 4242 4242 4242'],
    ['42424', '4242 4'],
    ['4242', '4242'],
    ['378282246310005', '3782 822463 10005'],
    ['3782822', '3782 822'],
    ['3530111333300000', '3530 1113 3330 0000'],
    ['4242424242424242123', '4242 4242 4242 4242 123'],
    ['', ''],
    ['abc', ''],
  ])('%j -> %j', (input, formatted) => {
    expect(formatCardNumber(input)).toBe(formatted)
  })

  test('drops digits past the longest number of the brand', () => {
    expect(formatCardNumber('3782822463100059999')).toBe('3782 822463 10005')
    expect(formatCardNumber('5555555555554444999')).toBe('5555 5555 5555 4444')
  })
})

describe('cardDigits', () => {
  test('keeps only the digits', () => {
    expect(cardDigits(' 4242-4242 4242x4242 ')).toBe('4242424242424242')
  })
})

describe('caretAfterDigits keeps the caret after the same digit when spaces move', () => {
  test.each([
    ['4242 4', 5, 6],
    ['4242 4', 4, 4],
    ['4242 4242', 0, 0],
    ['4242 4242', 8, 9],
    ['4242', 9, 4],
  ])('in %j after %i digits -> %i', (formatted, digits, caret) => {
    expect(caretAfterDigits(formatted, digits)).toBe(caret)
  })
})
