import { describe, expect, test } from 'vitest'
import { amountError, amountText, parseAmount } from '../../../src/checkout/amount-input'

describe('amountText shows minor units with the currency’s decimals', () => {
  test.each([
    [2450, 'USD', '24.50'],
    [3200, 'JPY', '3200'],
    [1230, 'BHD', '1.230'],
    [5, 'USD', '0.05'],
  ])('%i %s -> %s', (amount, currency, text) => {
    expect(amountText(amount, currency)).toBe(text)
  })
})

describe('parseAmount reads a typed amount into minor units', () => {
  test.each([
    ['24.50', 'USD', 2450],
    ['24.5', 'USD', 2450],
    ['24', 'USD', 2400],
    ['.5', 'USD', 50],
    ['1,024.50', 'USD', 102450],
    [' 10 ', 'USD', 1000],
    ['3200', 'JPY', 3200],
    ['1.23', 'BHD', 1230],
    ['1.235', 'BHD', 1235],
    ['10.005', 'USD', null],
    ['12.5', 'JPY', null],
    ['1.2345', 'BHD', null],
    ['', 'USD', null],
    ['.', 'USD', null],
    ['-5', 'USD', null],
    ['1e3', 'USD', null],
    ['$5', 'USD', null],
    ['99999999999999999', 'USD', null],
  ])('%j %s -> %s', (text, currency, amount) => {
    expect(parseAmount(text, currency)).toBe(amount)
  })
})

describe('amountError names what is wrong before anything is sent', () => {
  const due = { amount: 2450, currency: 'USD' }
  test.each([
    ['', 'USD', 'Enter an amount.'],
    ['abc', 'USD', 'Enter the amount as a number, like 12.00.'],
    ['0', 'USD', 'Enter an amount above zero.'],
    ['10.005', 'USD', 'Amounts in USD have at most 2 decimal places.'],
    ['12.5', 'JPY', 'Amounts in JPY have no decimal places.'],
    ['1.2345', 'BHD', 'Amounts in BHD have at most 3 decimal places.'],
    // Three-decimal currencies are charged in steps of 10 minor units.
    ['1.235', 'BHD', 'Amounts in BHD must end in 0 (steps of 0.010).'],
    ['1.005', 'KWD', 'Amounts in KWD must end in 0 (steps of 0.010).'],
  ])('%j %s -> %s', (text, currency, message) => {
    expect(amountError(text, currency, null)).toBe(message)
  })

  test.each(['1.230', '1.23', '1'])('%j BHD is chargeable', (text) => {
    expect(amountError(text, 'BHD', null)).toBeNull()
  })

  test('more than is still due is refused; exactly what is due is fine', () => {
    expect(amountError('24.51', 'USD', due)).toBe('That is more than the $24.50 still due.')
    expect(amountError('24.50', 'USD', due)).toBeNull()
  })
})
