import { render, screen } from '@testing-library/preact'
import { expect, test } from 'vitest'

test('jsx renders through preact', () => {
  render(<button>Hi</button>)
  expect(screen.getByRole('button', { name: 'Hi' })).toBeTruthy()
})
