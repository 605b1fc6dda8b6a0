import { describe, expect, test } from 'vitest'
import { cvcLength } from '../../../src/checkout/card/cvc'
import { toPayBody } from '../../../src/checkout/card/pay-body'
import { formFieldOf } from '../../../src/checkout/pay-field'
import { validateCard, type CardValues } from '../../../src/checkout/card/validate-card'

const now = new Date(2030, 5, 15)
const good: CardValues = { name: 'Ada Lovelace', number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' }

describe('cvcLength', () => {
  test.each([
    ['amex', 4],
    ['visa', 3],
    ['mastercard', 3],
    ['jcb', 3],
    ['unknown', 3],
  ] as const)('%s -> %i digits', (brand, length) => {
    expect(cvcLength(brand)).toBe(length)
  })
})

describe('validateCard', () => {
  test.each(['4242 4242 4242 4242', '4000 0000 0000 0002', '4000 0000 0000 0119'])(
    'the test card %s passes (the server decides its outcome)',
    (number) => {
      expect(validateCard({ ...good, number }, now)).toEqual({})
    },
  )

  test('an American Express card needs a four-digit CVC', () => {
    expect(validateCard({ ...good, number: '3782 822463 10005', cvc: '1234' }, now)).toEqual({})
    expect(validateCard({ ...good, number: '3782 822463 10005', cvc: '123' }, now)).toEqual({
      cvc: 'The CVC is 4 digits.',
    })
  })

  test.each([
    [{ name: '  ' }, { name: 'Enter the name on your card.' }],
    [{ number: '' }, { number: 'Enter your card number.' }],
    [{ number: '4242 4242 4242' }, { number: 'Your card number is incomplete.' }],
    [{ number: '4242 4242 4242 4241' }, { number: 'Your card number is invalid. Check the digits.' }],
    [{ expiry: '' }, { expiry: 'Enter the expiry date.' }],
    [{ expiry: '13/34' }, { expiry: 'Enter the expiry as MM/YY.' }],
    [{ expiry: '05/30' }, { expiry: 'Your card has expired.' }],
    [{ cvc: '' }, { cvc: 'Enter the CVC.' }],
    [{ cvc: '12' }, { cvc: 'The CVC is 3 digits.' }],
    [{ cvc: '1234' }, { cvc: 'The CVC is 3 digits.' }],
  ])('%j is refused with %j', (change, errors) => {
    expect(validateCard({ ...good, ...change }, now)).toEqual(errors)
  })

  test('every bad field is reported at once', () => {
    expect(Object.keys(validateCard({ name: '', number: '1', expiry: 'x', cvc: '' }, now))).toEqual([
      'name',
      'number',
      'expiry',
      'cvc',
    ])
  })
})

describe('toPayBody', () => {
  test('sends digits only, a four-digit year and the trimmed name', () => {
    expect(toPayBody({ ...good, name: ' Ada Lovelace ' })).toEqual({
      name: 'Ada Lovelace',
      number: '4242424242424242',
      expMonth: 12,
      expYear: 2034,
      cvc: '123',
    })
  })
})

describe('formFieldOf maps the field a server 400 blames to the form field that shows it', () => {
  test.each([
    ['name', 'name'],
    ['number', 'number'],
    ['expiry', 'expiry'],
    ['expMonth', 'expiry'],
    ['expYear', 'expiry'],
    ['cvc', 'cvc'],
    ['amount', 'amount'],
    ['extra.amount', 'amount'],
    ['extra.label', 'label'],
    ['approvedSurcharge', null],
    [undefined, null],
  ])('%s -> %s', (server, field) => {
    expect(formFieldOf(server)).toBe(field)
  })
})
