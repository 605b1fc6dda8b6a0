import { describe, expect, test } from 'vitest'
import { formatExpiryInput, isExpired, parseExpiry } from '../../../src/checkout/card/expiry'

describe('parseExpiry', () => {
  test.each([
    ['12/34', { month: 12, year: 2034 }],
    ['1/34', { month: 1, year: 2034 }],
    ['01 / 30', { month: 1, year: 2030 }],
    ['06-2031', { month: 6, year: 2031 }],
    ['0631', { month: 6, year: 2031 }],
    [' 12/34 ', { month: 12, year: 2034 }],
  ])('%j -> %j', (input, expiry) => {
    expect(parseExpiry(input)).toEqual(expiry)
  })

  test.each(['', '13/30', '00/30', '12', '12/3', '12/345', 'ab/cd', '1234/5', '12//34'])('%j is not an expiry', (input) => {
    expect(parseExpiry(input)).toBeNull()
  })
})

describe('isExpired: a card works through the last day of its expiry month', () => {
  const now = new Date(2030, 5, 30, 23, 59) // 30 June 2030, local time

  test.each([
    [{ month: 6, year: 2030 }, false],
    [{ month: 7, year: 2030 }, false],
    [{ month: 1, year: 2031 }, false],
    [{ month: 5, year: 2030 }, true],
    [{ month: 12, year: 2029 }, true],
  ])('%j -> %s', (expiry, expired) => {
    expect(isExpired(expiry, now)).toBe(expired)
  })
})

describe('formatExpiryInput shapes MM/YY while typing', () => {
  test.each([
    ['1', '', '1'],
    ['12', '1', '12/'],
    ['4', '', '04/'],
    ['1/', '1', '01/'],
    ['12//', '12/', '12/'],
    ['12/3', '12/', '12/3'],
    ['12/34', '', '12/34'],
    ['1234', '', '12/34'],
    ['1/2034', '', '01/34'],
    ['12/2034', '', '12/34'],
    ['12/a', '12/', '12/'],
    ['12/345', '12/34', '12/34'],
  ])('%j (was %j) -> %j', (next, previous, shaped) => {
    expect(formatExpiryInput(next, previous)).toBe(shaped)
  })

  test('a deletion is left alone so Backspace can remove the slash', () => {
    expect(formatExpiryInput('12', '12/')).toBe('12')
    expect(formatExpiryInput('1', '12')).toBe('1')
  })
})
