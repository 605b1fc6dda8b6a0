import { describe, expect, test } from 'vitest'
import { isAllowedCheckoutUrl, isAllowedLinkUrl } from '../../../src/client/index'

const api = 'https://chat.example.com/api'
const devApi = 'http://localhost:5173'

describe('isAllowedCheckoutUrl', () => {
  const table: Array<[url: string, apiBase: string, checkoutOrigins: string[], allowed: boolean, why: string]> = [
    ['https://chat.example.com/checkout/cs_1', api, ['https://pay.example'], true, 'the API origin'],
    ['http://localhost:5173/checkout/cs_1', devApi, [], true, 'the API origin over http, for development'],
    ['http://localhost:5173/checkout/cs_1', devApi, ['https://pay.example'], true, 'the API origin whatever the list'],
    ['https://pay.example/c/cs_1', api, ['https://pay.example'], true, 'a listed https origin'],
    ['https://pay.example/c/cs_1', api, ['https://pay.example/'], true, 'a listed origin written with a slash'],
    ['https://PAY.example:443/c', api, ['https://pay.example'], true, 'origins compare normalised'],
    ['https://anything.example/c', api, [], true, 'any https origin when the brand lists none'],
    ['https://evil.example/c', api, ['https://pay.example'], false, 'an unlisted https origin'],
    ['https://pay.example:8443/c', api, ['https://pay.example'], false, 'another port is another origin'],
    ['http://pay.example/c', api, ['http://pay.example'], false, 'http on a foreign origin, even listed'],
    ['http://evil.example/c', api, [], false, 'http on a foreign origin'],
    ['http://chat.example.com/checkout/cs_1', api, [], false, 'the API host on another scheme'],
    ['https://user:pw@chat.example.com/c', api, [], false, 'credentials on the API origin'],
    ['https://user@pay.example/c', api, [], false, 'a username'],
    ['javascript:alert(1)', api, [], false, 'javascript:'],
    ['JavaScript:alert(1)//https://pay.example', api, ['https://pay.example'], false, 'javascript: in disguise'],
    ['data:text/html,<script>alert(1)</script>', api, [], false, 'data:'],
    ['blob:https://chat.example.com/3f2a', api, [], false, 'blob: that reports the API origin'],
    ['/checkout/cs_1', api, [], false, 'a relative URL does not parse on its own'],
    ['', api, [], false, 'empty'],
    ['not a url', api, [], false, 'garbage'],
    ['https://pay.example/c', 'not a url', ['https://pay.example'], true, 'a listed origin even with a bad apiBase'],
    ['https://chat.example.com/c', 'not a url', ['https://pay.example'], false, 'a bad apiBase matches nothing'],
  ]
  test.each(table)('%s with apiBase %s and %j -> %s (%s)', (url, apiBase, checkoutOrigins, allowed) => {
    expect(isAllowedCheckoutUrl(url, { apiBase, checkoutOrigins })).toBe(allowed)
  })
})

describe('isAllowedLinkUrl (template buttons)', () => {
  const table: Array<[url: string, apiBase: string, linkOrigins: string[], allowed: boolean, why: string]> = [
    ['https://chat.example.com/pay/tok_1', api, [], true, 'a pay link on the API origin'],
    ['http://localhost:5173/pay/tok_1', devApi, [], true, 'the API origin over http, for development'],
    ['https://shop.example/track/A-7', api, ['https://shop.example'], true, 'a listed https origin'],
    ['https://shop.example/track/A-7', api, [], false, 'no origin listed allows no foreign link'],
    ['https://evil.example/', api, ['https://shop.example'], false, 'an unlisted https origin'],
    ['http://shop.example/', api, ['http://shop.example'], false, 'http on a foreign origin, even listed'],
    ['https://user:pw@shop.example/', api, ['https://shop.example'], false, 'credentials'],
    ['javascript:alert(1)', api, ['https://shop.example'], false, 'javascript:'],
    ['data:text/html,x', api, [], false, 'data:'],
    ['', api, [], false, 'empty'],
  ]
  test.each(table)('%s with apiBase %s and %j -> %s (%s)', (url, apiBase, linkOrigins, allowed) => {
    expect(isAllowedLinkUrl(url, { apiBase, linkOrigins })).toBe(allowed)
  })
})
