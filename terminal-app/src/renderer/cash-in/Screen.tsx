import { CustomerMoneyFlow } from '../flow/CustomerMoneyFlow'

/** Cash-in: the agent's float pays the customer's wallet; the drawer opens for the cash received. */
export const CashInScreen = (p: { currency: string; onHome: () => void; phone?: string }) => (
  <CustomerMoneyFlow action="cash-in" {...p} />
)
