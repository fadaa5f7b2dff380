export { formatAmount, formatMoney, parseAmount, type Minor, type ParsedAmount } from './money'
export { maskPhone, toE164 } from './phone'
export {
  isTransactionKind,
  transactionKinds,
  transactionStatuses,
  type TransactionKind,
  type TransactionStatus,
} from './kinds'
