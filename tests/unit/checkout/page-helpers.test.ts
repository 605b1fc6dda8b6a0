import { describe, expect, test } from 'vitest'
import { safeAccent, textColorOn } from '../../../src/checkout/accent'
import { termsLine } from '../../../src/checkout/order-summary'
import { sessionIdFromPath } from '../../../src/checkout/session-id'

describe('sessionIdFromPath', () => {
  test.each([
    ['/checkout/cs_abc123', 'cs_abc123'],
    ['/checkout/cs_abc123/', 'cs_abc123'],
    ['/checkout/cs%5Fx', 'cs_x'],
    ['/checkout/', null],
    ['/checkout', null],
    ['/', null],
    ['/checkout/cs_a/extra', null],
    ['/checkout/%E0%A4%A', null],
  ])('%s -> %s', (path, id) => {
    expect(sessionIdFromPath(path)).toBe(id)
  })
})

describe('accent colour', () => {
  test.each([
    ['#6f4e37', '#6f4e37'],
    ['#ABCDEF', '#ABCDEF'],
    ['red', '#1f6feb'],
    ['#fff', '#1f6feb'],
    ['#000000;background:url(x)', '#1f6feb'],
  ])('safeAccent(%j) -> %s', (color, safe) => {
    expect(safeAccent(color)).toBe(safe)
  })

  test.each([
    ['#ffffff', '#000000'],
    ['#ffd1dc', '#000000'],
    ['#000000', '#ffffff'],
    ['#6f4e37', '#ffffff'],
    ['#1f6feb', '#ffffff'],
  ])('text on %s is %s', (background, text) => {
    expect(textColorOn(background)).toBe(text)
  })
})

describe('termsLine', () => {
  test('a recurring payment says it renews until cancelled', () => {
    expect(termsLine('$9.00', 'every 2 months', 'Acme Coffee')).toBe(
      'You authorise Acme Coffee to charge $9.00 every 2 months. It renews automatically until you cancel.',
    )
  })

  test('a one-time payment says so', () => {
    expect(termsLine('$24.50', null, 'Acme Coffee')).toBe('A one-time payment of $24.50 to Acme Coffee.')
  })
})
