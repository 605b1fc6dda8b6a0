import type { Brand, OperatorProfile } from '../../src/protocol/types'
import { formatList, t } from './i18n'

/** Whose token the console is using, and what it reaches: the header's answer to "who am I". */
export function SignedInAs({ me, brands }: { me: OperatorProfile | null; brands: Brand[] }) {
  if (!me) return null
  const names = brands.filter((b) => me.brandIds.includes(b.id)).map((b) => b.name)
  return (
    <p class="signed-in-as">
      {me.role === 'admin' ? t('signedInAdmin', { name: me.name }) : t('signedInAgent', { name: me.name, brands: formatList(names) })}
    </p>
  )
}
