import { CustomerMoneyFlow } from '../flow/CustomerMoneyFlow'

/** Cash-out: authorised by the customer's PIN, typed on the terminal (masked); customer and agent copies. */
export const CashOutScreen = (p: { currency: string; onHome: () => void }) => (
  <CustomerMoneyFlow action="cash-out" {...p} />
)
