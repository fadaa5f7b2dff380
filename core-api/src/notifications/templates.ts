/**
 * What GoPay tells people, in each language it speaks. Amounts and names arrive already formatted;
 * placeholders in {braces} (payerName, payeePhone…) are filled by the database on the one-statement
 * payment path, where the names are read. `{balance}` (every text after money moved) is what the
 * party's own account can spend, filled by the database in the same transaction as the movement.
 */
type Params = Record<string, string>
type Template = { en: (p: Params) => string; sw: (p: Params) => string }

export const templates = {
  p2p_sent: {
    en: (p) =>
      `${p.ref} Confirmed. You sent ${p.amount} to {payeeName} {payeePhone}. Fee ${p.fee}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. Umetuma ${p.amount} kwa {payeeName} {payeePhone}. Ada ${p.fee}. Salio jipya {balance}.`,
  },
  p2p_received: {
    en: (p) =>
      `${p.ref} Confirmed. You received ${p.amount} from {payerName} {payerPhone}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. Umepokea ${p.amount} kutoka kwa {payerName} {payerPhone}. Salio jipya {balance}.`,
  },
  merchant_paid: {
    en: (p) =>
      `${p.ref} Confirmed. You paid ${p.amount} to {payeeName} (${p.code}). Fee ${p.fee}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. Umelipa ${p.amount} kwa {payeeName} (${p.code}). Ada ${p.fee}. Salio jipya {balance}.`,
  },
  merchant_received: {
    en: (p) =>
      `${p.ref} Confirmed. ${p.amount} received from {payerName} {payerPhone}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. ${p.amount} imepokelewa kutoka kwa {payerName} {payerPhone}. Salio jipya {balance}.`,
  },
  cash_in_customer: {
    en: (p) =>
      `${p.ref} Confirmed. You received ${p.amount} cash in from ${p.agent} (${p.code}). New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. Umeweka ${p.amount} kupitia wakala ${p.agent} (${p.code}). Salio jipya {balance}.`,
  },
  cash_in_agent: {
    en: (p) =>
      `${p.ref} Cash in ${p.amount} to ${p.customer} ${p.phone}. Commission ${p.commission}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Umeweka ${p.amount} kwa ${p.customer} ${p.phone}. Kamisheni ${p.commission}. Salio jipya {balance}.`,
  },
  cash_out_customer: {
    en: (p) =>
      `${p.ref} Confirmed. ${p.amount} withdrawn from ${p.agent} (${p.code}). Fee ${p.fee}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. Umetoa ${p.amount} kwa wakala ${p.agent} (${p.code}). Ada ${p.fee}. Salio jipya {balance}.`,
  },
  cash_out_agent: {
    en: (p) =>
      `${p.ref} Pay out ${p.amount} cash to ${p.customer} ${p.phone}. Commission ${p.commission}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Mlipe ${p.customer} ${p.phone} pesa taslimu ${p.amount}. Kamisheni ${p.commission}. Salio jipya {balance}.`,
  },
  float_low: {
    en: (p) => `GoPay: your float is low (${p.available}). Top up to keep serving customers.`,
    sw: (p) =>
      `GoPay: salio lako la wakala liko chini (${p.available}). Ongeza ili uendelee kuhudumia wateja.`,
  },
  commission_paid: {
    en: (p) => `GoPay: commission of ${p.amount} paid into your float. New balance {balance}.`,
    sw: (p) => `GoPay: kamisheni ya ${p.amount} imewekwa kwenye salio lako la wakala. Salio jipya {balance}.`,
  },
  refund_received: {
    en: (p) =>
      `${p.ref} Confirmed. ${p.merchant} (${p.code}) refunded ${p.amount} of payment ${p.payment} to your GoPay wallet. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. ${p.merchant} (${p.code}) amekurudishia ${p.amount} ya malipo ${p.payment}. Salio jipya {balance}.`,
  },
  reversal_payer: {
    en: (p) =>
      `${p.ref} reversed: ${p.amount} and its fee are back in your GoPay wallet. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} imebatilishwa: ${p.amount} na ada yake zimerudi kwenye pochi yako ya GoPay. Salio jipya {balance}.`,
  },
  reversal_payee: {
    en: (p) => `${p.ref} reversed: ${p.amount} was returned to the sender. New balance {balance}.`,
    sw: (p) => `${p.ref} imebatilishwa: ${p.amount} imerudishwa kwa mtumaji. Salio jipya {balance}.`,
  },
  bank_deposit: {
    en: (p) =>
      `${p.ref} Confirmed. ${p.amount} received from your bank (${p.bankRef}). New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. Umepokea ${p.amount} kutoka benki yako (${p.bankRef}). Salio jipya {balance}.`,
  },
  bank_payout_done: {
    en: (p) =>
      `${p.ref} Confirmed. ${p.amount} sent to bank account ${p.account}. Fee ${p.fee}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. ${p.amount} imetumwa kwa akaunti ya benki ${p.account}. Ada ${p.fee}. Salio jipya {balance}.`,
  },
  bank_payout_failed: {
    en: (p) =>
      `${p.ref} Failed. The bank refused ${p.amount} to ${p.account}: ${p.reason}. Nothing was taken.`,
    sw: (p) =>
      `${p.ref} Imeshindikana. Benki imekataa ${p.amount} kwa ${p.account}: ${p.reason}. Hakuna kilichokatwa.`,
  },
  float_top_up_done: {
    en: (p) => `${p.ref} Confirmed. Float topped up with ${p.amount} from your bank. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. Salio la wakala limeongezwa ${p.amount} kutoka benki yako. Salio jipya {balance}.`,
  },
  float_top_up_failed: {
    en: (p) => `${p.ref} Failed. Your bank did not pay the float top-up of ${p.amount}: ${p.reason}.`,
    sw: (p) => `${p.ref} Imeshindikana. Benki haikulipa ${p.amount} za kuongeza salio: ${p.reason}.`,
  },
  settlement_done: {
    en: (p) =>
      `${p.ref} Confirmed. ${p.amount} settled to your bank account ${p.account}. Fee ${p.fee}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. ${p.amount} imetumwa kwa akaunti yako ya benki ${p.account}. Ada ${p.fee}. Salio jipya {balance}.`,
  },
  settlement_failed: {
    en: (p) =>
      `${p.ref} Failed. The bank refused ${p.amount} to ${p.account}: ${p.reason}. It stays in GoPay.`,
    sw: (p) =>
      `${p.ref} Imeshindikana. Benki imekataa ${p.amount} kwa ${p.account}: ${p.reason}. Pesa zimebaki GoPay.`,
  },
  bill_paid: {
    en: (p) =>
      `${p.ref} Confirmed. ${p.amount} paid to ${p.biller} for ${p.account}. Receipt ${p.receipt}.${p.token ? ` Token: ${p.token}` : ''} Fee ${p.fee}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. ${p.amount} imelipwa kwa ${p.biller} kwa ${p.account}. Risiti ${p.receipt}.${p.token ? ` Tokeni: ${p.token}` : ''} Ada ${p.fee}. Salio jipya {balance}.`,
  },
  bill_failed: {
    en: (p) =>
      `${p.ref} Failed. ${p.biller} refused ${p.amount} for ${p.account}: ${p.reason}. Nothing was taken.`,
    sw: (p) =>
      `${p.ref} Imeshindikana. ${p.biller} imekataa ${p.amount} kwa ${p.account}: ${p.reason}. Hakuna kilichokatwa.`,
  },
  airtime_done: {
    en: (p) => `${p.ref} Confirmed. ${p.amount} airtime bought for ${p.phone}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} Imethibitishwa. Umenunua muda wa maongezi wa ${p.amount} kwa ${p.phone}. Salio jipya {balance}.`,
  },
  airtime_received: {
    en: (p) => `${p.ref} You received ${p.amount} airtime from ${p.from} through GoPay.`,
    sw: (p) => `${p.ref} Umepokea muda wa maongezi wa ${p.amount} kutoka kwa ${p.from} kupitia GoPay.`,
  },
  airtime_failed: {
    en: (p) =>
      `${p.ref} Failed. Airtime of ${p.amount} for ${p.phone} could not be sent: ${p.reason}. Nothing was taken.`,
    sw: (p) =>
      `${p.ref} Imeshindikana. Muda wa maongezi wa ${p.amount} kwa ${p.phone} haukutumwa: ${p.reason}. Hakuna kilichokatwa.`,
  },
  withdrawal_request_agent: {
    en: (p) =>
      `${p.ref} ${p.customer} ${p.phone} is withdrawing ${p.amount} at your counter. Pay out the cash. Commission ${p.commission}. New balance {balance}.`,
    sw: (p) =>
      `${p.ref} ${p.customer} ${p.phone} anatoa ${p.amount} kwako. Mlipe pesa taslimu. Kamisheni ${p.commission}. Salio jipya {balance}.`,
  },
  pin_locked: {
    en: () =>
      'GoPay: your PIN was entered wrongly 3 times and is now locked. If this was not you, call GoPay support; they will unlock it after checking who you are.',
    sw: () =>
      'GoPay: PIN yako imekosewa mara 3 na sasa imefungwa. Kama si wewe, piga simu kwa huduma ya GoPay; wataifungua baada ya kuthibitisha wewe ni nani.',
  },
  welcome: {
    en: (p) =>
      `Welcome to GoPay, ${p.name}. Your wallet for ${p.phone} is open. Never share your PIN with anyone.`,
    sw: (p) => `Karibu GoPay, ${p.name}. Pochi yako ya ${p.phone} imefunguliwa. Usimpe mtu yeyote PIN yako.`,
  },
} satisfies Record<string, Template>

export type NotificationKind = keyof typeof templates

/** A notification's text in every language, for the database to pick the party's own. */
export function render(kind: NotificationKind, params: Params) {
  const t: Template = templates[kind]
  return { kind, en: t.en(params), sw: t.sw(params) }
}
