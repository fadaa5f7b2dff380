// One formatting of money and phones for SMS, screens and receipts alike.
export { formatMoney, maskPhone } from '@gopay/hardware/text'
