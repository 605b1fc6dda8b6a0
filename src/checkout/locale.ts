/**
 * The page speaks English: the checkout URL carries no language, and money is formatted for the
 * same locale as the words around it so "Pay $24.50" reads as one sentence.
 */
export const LOCALE = 'en'
