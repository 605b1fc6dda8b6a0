import type { Brand, PaymentPage } from '../protocol/types'

/** The demo brands. Both embed from any origin so the README's snippet works on any test page. */
export const seedBrands: Brand[] = [
  {
    id: 'brand_acme',
    name: 'Acme Coffee',
    widgetKey: 'wk_demo',
    currency: 'USD',
    color: '#7a3e1d',
    greeting: 'Hi! Ask us anything about our coffee — we can take your order right here.',
    checkoutOrigins: [],
    allowedOrigins: ['*'],
    whatsappNumber: '15550001234',
  },
  {
    id: 'brand_sakura',
    name: 'Sakura Tea',
    widgetKey: 'wk_sakura',
    currency: 'JPY',
    color: '#b4235a',
    greeting: 'こんにちは！お茶のことなら何でもお聞きください。',
    checkoutOrigins: [],
    allowedOrigins: ['*'],
    whatsappNumber: null,
  },
]

export const seedPaymentPages: PaymentPage[] = [
  {
    id: 'pp_house_blend',
    brandId: 'brand_acme',
    title: 'House blend, 1 kg',
    description: 'Whole beans, medium roast, roasted to order.',
    price: { amount: 2450, currency: 'USD' },
    billing: { type: 'one_time' },
  },
  {
    id: 'pp_coffee_club',
    brandId: 'brand_acme',
    title: 'Coffee club subscription',
    description: 'Two bags of the roaster’s pick, delivered every other month.',
    price: { amount: 3600, currency: 'USD' },
    billing: { type: 'recurring', interval: 'month', intervalCount: 2 },
  },
  {
    id: 'pp_espresso_class',
    brandId: 'brand_acme',
    title: 'Espresso class',
    description: 'A two-hour hands-on class for two people.',
    price: { amount: 8900, currency: 'USD' },
    billing: { type: 'one_time' },
  },
  {
    id: 'pp_matcha_set',
    brandId: 'brand_sakura',
    title: '抹茶セット',
    description: '宇治抹茶 40g と茶筅のセット。',
    price: { amount: 3200, currency: 'JPY' },
    billing: { type: 'one_time' },
  },
  {
    id: 'pp_tea_of_the_month',
    brandId: 'brand_sakura',
    title: '今月のお茶',
    description: '季節の茶葉を毎月お届けします。',
    price: { amount: 2800, currency: 'JPY' },
    billing: { type: 'recurring', interval: 'month', intervalCount: 1 },
  },
]
