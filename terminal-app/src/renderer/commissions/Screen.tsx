import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { gopay } from '../bridge'
import { Money, Problem, Screen } from '../ui'

export function CommissionsScreen({ onHome }: { onHome: () => void }) {
  const { t } = useTranslation()
  const q = useQuery({ queryKey: ['commissions'], queryFn: () => gopay.commissions.statement() })
  const s = q.data?.ok ? q.data.value : null
  return (
    <Screen title={t('commissions.title')} onBack={onHome}>
      <Problem message={q.data && !q.data.ok ? q.data.message : null} />
      {s && (
        <>
          <dl className="totals">
            <dt>{t('commissions.accrued')}</dt>
            <dd>
              <Money minor={s.accrued} currency={s.currency} />
            </dd>
            <dt>{t('commissions.paid')}</dt>
            <dd>
              <Money minor={s.paid} currency={s.currency} />
            </dd>
            <dt>{t('commissions.outstanding')}</dt>
            <dd>
              <Money minor={s.outstanding} currency={s.currency} />
            </dd>
          </dl>
          <table>
            <tbody>
              {s.items.map((i) => (
                <tr key={i.reference + i.createdAt}>
                  <td>{i.createdAt.slice(0, 10)}</td>
                  <td>{i.reference}</td>
                  <td>{t(`kind.${i.type}`, { defaultValue: i.type })}</td>
                  <td>
                    <Money minor={i.amount} currency={s.currency} />
                  </td>
                  <td>
                    <Money minor={i.commission} currency={s.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Screen>
  )
}
