import type { Brand, MessageTemplate, OperatorProfile, PaymentPage } from '../protocol/types'
import type { GatewayRecord } from './state'

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
    linkOrigins: ['https://acme-coffee.example'],
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
    linkOrigins: [],
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
  {
    id: 'pp_bahrain_gift_box',
    brandId: 'brand_acme',
    title: 'Gift box, Manama delivery',
    description: 'Three single-origin bags in a gift box, delivered in Bahrain.',
    // Three decimals: 18.250 BHD. Networks settle to two, so amounts end in 0.
    price: { amount: 18250, currency: 'BHD' },
    billing: { type: 'one_time' },
  },
]

/**
 * The operators of the demo, who can hand conversations to each other: an admin of every brand and an
 * agent or two per brand. Their tokens are in `demo-secrets.ts`, never here: an id is listed to everyone.
 */
export const seedOperators: OperatorProfile[] = [
  { id: 'op_admin', name: 'Admin', role: 'admin', brandIds: seedBrands.map((b) => b.id) },
  { id: 'op_ana', name: 'Ana', role: 'agent', brandIds: ['brand_acme'] },
  { id: 'op_kenji', name: 'Kenji', role: 'agent', brandIds: ['brand_acme', 'brand_sakura'] },
  { id: 'op_lucia', name: 'Lucía', role: 'agent', brandIds: ['brand_sakura'] },
]

/**
 * A card gateway per brand (Acme Coffee's charges 3 % on American Express) and a wallet for Acme
 * Coffee, so the demo's checkout shows surcharges and Pay with Wallet without any setup.
 */
export function seedGateways(createdAt: string): GatewayRecord[] {
  const card = (brandId: string, surcharges: Record<string, number>): GatewayRecord => ({
    id: `gw_${brandId}_card`,
    brandId,
    provider: 'stripe',
    publicCredentials: { publishableKey: 'pk_test_paychat_demo' },
    maskedSecrets: { secretKey: '••••demo' },
    secrets: { secretKey: 'sk_test_paychat_demo' },
    surcharges,
    createdAt,
  })
  return [
    card('brand_acme', { amex: 300 }),
    card('brand_sakura', {}),
    {
      id: 'gw_brand_acme_wallet',
      brandId: 'brand_acme',
      provider: 'wallet',
      publicCredentials: { merchantId: 'WALLET-DEMO-ACME' },
      maskedSecrets: { privateKey: '••••demo' },
      secrets: { privateKey: 'wallet_private_demo' },
      surcharges: {},
      createdAt,
    },
  ]
}

/**
 * Approved templates the demo starts with, so a new operator can reach a customer whose window has
 * closed (Meta's review takes days; here `/v1/mock/templates/{id}/review` stands in for it). The pay
 * button's link lives on this server, so it is built from the address the server is reached at.
 */
export function seedTemplates(publicUrl: string, createdAt: string): MessageTemplate[] {
  const base = { brandId: 'brand_acme', language: 'en_US', status: 'APPROVED', rejectedReason: null, createdAt, updatedAt: createdAt } as const
  return [
    {
      ...base,
      id: 'tpl_payment_link',
      name: 'payment_link',
      category: 'UTILITY',
      parameterFormat: 'POSITIONAL',
      components: [
        {
          type: 'BODY',
          text: 'Hi {{1}}, here is your payment request for {{2}} ({{3}}). Tap the button to pay on our secure checkout page.',
          example: { body_text: [['Ada', 'House blend', '$24.50']] },
        },
        { type: 'FOOTER', text: 'Acme Coffee' },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Pay now', url: `${publicUrl}/pay/{{1}}` }] },
      ],
    },
    {
      ...base,
      id: 'tpl_follow_up',
      name: 'follow_up',
      category: 'MARKETING',
      parameterFormat: 'NAMED',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Still thinking it over?' },
        {
          type: 'BODY',
          text: 'Hi {{first_name}}, your {{product}} is still waiting for you. Reply to this message and we will help.',
          example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ada' }, { param_name: 'product', example: 'House blend' }] },
        },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Talk to us' }] },
      ],
    },
    {
      ...base,
      id: 'tpl_payment_failed',
      // A subscription renewal that failed is sent with this when the customer is on WhatsApp.
      name: 'payment_failed',
      category: 'UTILITY',
      parameterFormat: 'POSITIONAL',
      components: [
        {
          type: 'BODY',
          text: 'Hi {{1}}, the renewal payment of {{2}} for {{3}} did not go through. Reply to this message and we will help you update your card.',
          example: { body_text: [['Ada', '$36.00', 'Coffee club subscription']] },
        },
        { type: 'FOOTER', text: 'Acme Coffee' },
      ],
    },
  ]
}
