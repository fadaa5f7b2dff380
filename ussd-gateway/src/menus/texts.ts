/** Every word the USSD menus say, in English and Swahili. Money arrives formatted ("KES 1,500.00"). */
export interface Texts {
  more: string
  back: string
  main: (name?: string) => string
  mainItems: [string, string, string, string, string, string]
  welcome: string
  welcomeItems: [string, string]
  regFirst: string
  regLast: string
  regId: string
  regPin: string
  regPin2: string
  pinsDiffer: string
  regDone: (name: string) => string
  alreadyRegistered: string
  badName: string
  badId: string
  enterPhone: string
  badPhone: string
  ownNumber: string
  enterAmount: string
  badAmount: string
  enterAgent: string
  badCode: string
  unknownAgent: string
  enterMerchant: string
  unknownMerchant: string
  unknownRecipient: string
  confirm: string
  confirmSend: (amount: string, name: string, fee: string) => string
  confirmWithdraw: (amount: string, name: string, fee: string) => string
  confirmMerchant: (amount: string, name: string) => string
  confirmBill: (amount: string, biller: string, account: string, name: string, fee: string) => string
  airtimeWho: [string, string]
  airtimeTitle: string
  enterPin: (what: string) => string
  pinFormat: string
  wrongPin: (left: number) => string
  pinLocked: string
  sent: (ref: string, amount: string, name: string) => string
  withdrawn: (ref: string, amount: string, agent: string) => string
  airtimeDone: (ref: string, amount: string, phone: string) => string
  billDone: (ref: string, amount: string, biller: string) => string
  billPending: (ref: string) => string
  paidMerchant: (ref: string, amount: string, name: string) => string
  pending: (ref: string) => string
  chooseBiller: string
  enterBillerCode: string
  unknownBiller: string
  enterAccount: string
  unknownAccount: string
  badAccount: string
  billAmount: (name: string) => string
  account: string
  accountItems: [string, string, string, string, string, string]
  balance: (balance: string, available: string) => string
  statement: string
  /** Beside an amount in the mini-statement. */
  feeWord: string
  noTransactions: string
  newPin: string
  newPin2: string
  currentPin: string
  pinChanged: string
  weakPin: string
  chooseLanguage: string
  languageItems: [string, string]
  languageSet: string
  lockAsk: string
  lockYes: string
  locked: string
  limits: (tier: number, perTx: string, day: string, usedToday: string, month: string) => string
  invalidChoice: string
  tooLong: string
  expired: string
  accountLocked: string
  insufficient: string
  limitExceeded: string
  declined: (why: string) => string
  unavailable: string
  failed: string
  unconfirmed: string
  what: {
    send: string
    withdraw: string
    airtime: string
    bill: string
    merchant: string
    view: string
    lock: string
    language: string
  }
}

export const en: Texts = {
  more: 'More',
  back: 'Back',
  main: (name) => (name ? `GoPay - Hi ${name}` : 'GoPay'),
  mainItems: ['Send money', 'Withdraw cash', 'Buy airtime', 'Pay bill', 'Pay merchant', 'My account'],
  welcome: 'Welcome to GoPay. This number has no wallet yet.',
  welcomeItems: ['Register', 'Kiswahili'],
  regFirst: 'Enter your first name',
  regLast: 'Enter your last name',
  regId: 'Enter your national ID number',
  regPin: 'Choose a 4-digit PIN',
  regPin2: 'Enter the PIN again',
  pinsDiffer: 'The PINs did not match.',
  alreadyRegistered: 'This number is already registered. Dial again to use GoPay.',
  regDone: (name) => `Welcome to GoPay, ${name}! Your wallet is ready. Dial again to use it.`,
  badName: 'Use letters only, up to 30.',
  badId: 'An ID number is 5 to 20 letters or digits.',
  enterPhone: 'Enter the phone number',
  ownNumber: 'You cannot send money to your own number.',
  badPhone: 'That is not a phone number.',
  enterAmount: 'Enter amount (KES)',
  badAmount: 'Enter the amount in digits, e.g. 500',
  enterAgent: 'Enter agent number',
  badCode: 'Enter the code as shown, letters and digits.',
  unknownAgent: 'No agent has that number.',
  enterMerchant: 'Enter merchant code',
  unknownMerchant: 'No merchant has that code.',
  unknownRecipient: 'That number has no GoPay wallet.',
  confirm: '1 Confirm',
  confirmSend: (a, n, f) => `Send ${a} to ${n}\nFee ${f}`,
  confirmWithdraw: (a, n, f) => `Withdraw ${a} at ${n}\nFee ${f}`,
  confirmMerchant: (a, n) => `Pay ${a} to ${n}`,
  confirmBill: (a, b, acc, n, f) => `Pay ${a} to ${b}\nAcc ${acc} ${n}\nFee ${f}`,
  airtimeWho: ['My phone', 'Other number'],
  airtimeTitle: 'Buy airtime for',
  enterPin: (what) => `${what}\nEnter your PIN`,
  pinFormat: 'A PIN is 4 digits.',
  wrongPin: (left) => `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left.`,
  pinLocked: 'Wrong PIN 3 times: your account is locked. Call GoPay on 100 to unlock it.',
  sent: (r, a, n) => `Sent ${a} to ${n}. Ref ${r}. An SMS follows.`,
  withdrawn: (r, a, g) => `Collect ${a} cash from ${g}. Ref ${r}. An SMS follows.`,
  airtimeDone: (r, a, p) => `Airtime of ${a} sent to ${p}. Ref ${r}.`,
  billDone: (r, a, b) => `Paid ${a} to ${b}. Ref ${r}. Your receipt and any token come by SMS.`,
  billPending: (r) => `Sent to the biller. Ref ${r}. You will get an SMS when it is paid.`,
  paidMerchant: (r, a, n) => `Paid ${a} to ${n}. Ref ${r}.`,
  pending: (r) => `Being processed. Ref ${r}. An SMS will confirm.`,
  chooseBiller: 'Pay bill - choose',
  enterBillerCode: 'Enter biller code',
  unknownBiller: 'No biller has that code.',
  enterAccount: 'Enter account number',
  unknownAccount: 'The biller does not know that account.',
  badAccount: 'That is not an account number of this biller.',
  billAmount: (n) => `Account holder: ${n}\nEnter amount (KES)`,
  account: 'My account',
  accountItems: ['Balance', 'Mini-statement', 'Change PIN', 'Language', 'Lock my account', 'My limits'],
  balance: (b, a) => `Balance ${b}\nAvailable ${a}`,
  statement: 'Last transactions',
  feeWord: 'fee',
  noTransactions: 'No transactions yet.',
  newPin: 'Enter your new 4-digit PIN',
  newPin2: 'Enter the new PIN again',
  currentPin: 'Change PIN',
  pinChanged: 'Your PIN is changed.',
  weakPin: 'That PIN is too easy to guess. Choose another.',
  chooseLanguage: 'Language',
  languageItems: ['English', 'Kiswahili'],
  languageSet: 'Language saved.',
  lockAsk: 'Lock your account? Nothing can move until GoPay unlocks it.',
  lockYes: '1 Yes, lock it',
  locked: 'Your account is locked. Call GoPay on 100 to unlock it.',
  limits: (t, p, d, u, m) => `KYC tier ${t}\nPer transaction ${p}\nDaily ${d} (used ${u})\nMonthly ${m}`,
  invalidChoice: 'Choose one of the numbers shown.',
  tooLong: 'That is too long.',
  expired: 'Your session has ended. Please dial again.',
  accountLocked: 'Your account is locked. Call GoPay on 100.',
  insufficient: 'Your balance is not enough for this amount and fee.',
  limitExceeded: 'That is over your limit.',
  declined: (why) => `Not done: ${why}. Nothing was taken.`,
  unavailable: 'The service is busy. Nothing was taken; try again later.',
  failed: 'Sorry, that did not work. Nothing was taken.',
  unconfirmed: 'We could not confirm this payment. Check your balance before you try again.',
  what: {
    send: 'Send money',
    withdraw: 'Withdraw',
    airtime: 'Buy airtime',
    bill: 'Pay bill',
    merchant: 'Pay merchant',
    view: 'My account',
    lock: 'Lock account',
    language: 'Language',
  },
}

export const sw: Texts = {
  more: 'Zaidi',
  back: 'Rudi',
  main: (name) => (name ? `GoPay - Habari ${name}` : 'GoPay'),
  mainItems: [
    'Tuma pesa',
    'Toa pesa',
    'Nunua muda wa maongezi',
    'Lipa bili',
    'Lipa mfanyabiashara',
    'Akaunti yangu',
  ],
  welcome: 'Karibu GoPay. Nambari hii bado haina pochi.',
  welcomeItems: ['Jisajili', 'English'],
  regFirst: 'Weka jina lako la kwanza',
  regLast: 'Weka jina lako la mwisho',
  regId: 'Weka nambari ya kitambulisho',
  regPin: 'Chagua PIN ya tarakimu 4',
  regPin2: 'Weka PIN tena',
  pinsDiffer: 'PIN hazilingani.',
  alreadyRegistered: 'Nambari hii tayari imesajiliwa. Piga tena kutumia GoPay.',
  regDone: (name) => `Karibu GoPay, ${name}! Pochi yako iko tayari. Piga tena kuitumia.`,
  badName: 'Tumia herufi tu, hadi 30.',
  badId: 'Kitambulisho ni herufi au tarakimu 5 hadi 20.',
  enterPhone: 'Weka nambari ya simu',
  ownNumber: 'Huwezi kutuma pesa kwa nambari yako mwenyewe.',
  badPhone: 'Hiyo si nambari ya simu.',
  enterAmount: 'Weka kiasi (KES)',
  badAmount: 'Weka kiasi kwa tarakimu, mfano 500',
  enterAgent: 'Weka nambari ya wakala',
  badCode: 'Weka nambari kama inavyoonyeshwa.',
  unknownAgent: 'Hakuna wakala mwenye nambari hiyo.',
  enterMerchant: 'Weka nambari ya mfanyabiashara',
  unknownMerchant: 'Hakuna mfanyabiashara mwenye nambari hiyo.',
  unknownRecipient: 'Nambari hiyo haina pochi ya GoPay.',
  confirm: '1 Thibitisha',
  confirmSend: (a, n, f) => `Tuma ${a} kwa ${n}\nAda ${f}`,
  confirmWithdraw: (a, n, f) => `Toa ${a} kwa ${n}\nAda ${f}`,
  confirmMerchant: (a, n) => `Lipa ${a} kwa ${n}`,
  confirmBill: (a, b, acc, n, f) => `Lipa ${a} kwa ${b}\nAkaunti ${acc} ${n}\nAda ${f}`,
  airtimeWho: ['Simu yangu', 'Nambari nyingine'],
  airtimeTitle: 'Nunua muda wa maongezi kwa',
  enterPin: (what) => `${what}\nWeka PIN yako`,
  pinFormat: 'PIN ni tarakimu 4.',
  wrongPin: (left) => `PIN si sahihi. Umebakiza majaribio ${left}.`,
  pinLocked: 'PIN si sahihi mara 3: akaunti yako imefungwa. Piga GoPay 100 kuifungua.',
  sent: (r, a, n) => `Umetuma ${a} kwa ${n}. Kumb ${r}. SMS itafuata.`,
  withdrawn: (r, a, g) => `Chukua ${a} kwa ${g}. Kumb ${r}. SMS itafuata.`,
  airtimeDone: (r, a, p) => `Muda wa maongezi wa ${a} umetumwa kwa ${p}. Kumb ${r}.`,
  billDone: (r, a, b) => `Umelipa ${a} kwa ${b}. Kumb ${r}. Risiti na tokeni zitakuja kwa SMS.`,
  billPending: (r) => `Imetumwa kwa mtoa huduma. Kumb ${r}. Utapata SMS ikilipwa.`,
  paidMerchant: (r, a, n) => `Umelipa ${a} kwa ${n}. Kumb ${r}.`,
  pending: (r) => `Inashughulikiwa. Kumb ${r}. SMS itathibitisha.`,
  chooseBiller: 'Lipa bili - chagua',
  enterBillerCode: 'Weka nambari ya mtoa huduma',
  unknownBiller: 'Hakuna mtoa huduma mwenye nambari hiyo.',
  enterAccount: 'Weka nambari ya akaunti',
  unknownAccount: 'Mtoa huduma hajui akaunti hiyo.',
  badAccount: 'Hiyo si nambari ya akaunti ya mtoa huduma huyu.',
  billAmount: (n) => `Mwenye akaunti: ${n}\nWeka kiasi (KES)`,
  account: 'Akaunti yangu',
  accountItems: ['Salio', 'Taarifa fupi', 'Badilisha PIN', 'Lugha', 'Funga akaunti', 'Viwango vyangu'],
  balance: (b, a) => `Salio ${b}\nInayopatikana ${a}`,
  statement: 'Miamala ya mwisho',
  feeWord: 'ada',
  noTransactions: 'Bado hakuna miamala.',
  newPin: 'Weka PIN mpya ya tarakimu 4',
  newPin2: 'Weka PIN mpya tena',
  currentPin: 'Badilisha PIN',
  pinChanged: 'PIN yako imebadilishwa.',
  weakPin: 'PIN hiyo ni rahisi kubahatisha. Chagua nyingine.',
  chooseLanguage: 'Lugha',
  languageItems: ['English', 'Kiswahili'],
  languageSet: 'Lugha imehifadhiwa.',
  lockAsk: 'Funga akaunti yako? Hakuna kitakachohamishwa hadi GoPay iifungue.',
  lockYes: '1 Ndiyo, funga',
  locked: 'Akaunti yako imefungwa. Piga GoPay 100 kuifungua.',
  limits: (t, p, d, u, m) =>
    `Daraja la KYC ${t}\nKwa muamala ${p}\nKwa siku ${d} (umetumia ${u})\nKwa mwezi ${m}`,
  invalidChoice: 'Chagua moja ya nambari zilizoonyeshwa.',
  tooLong: 'Hiyo ni ndefu mno.',
  expired: 'Kipindi chako kimeisha. Tafadhali piga tena.',
  accountLocked: 'Akaunti yako imefungwa. Piga GoPay 100.',
  insufficient: 'Salio lako halitoshi kwa kiasi hiki na ada.',
  limitExceeded: 'Hiyo imezidi kiwango chako.',
  declined: (why) => `Haikufanyika: ${why}. Hakuna kilichokatwa.`,
  unavailable: 'Huduma ina shughuli nyingi. Hakuna kilichokatwa; jaribu baadaye.',
  failed: 'Samahani, haikufanikiwa. Hakuna kilichokatwa.',
  unconfirmed: 'Hatukuweza kuthibitisha malipo haya. Angalia salio lako kabla ya kujaribu tena.',
  what: {
    send: 'Tuma pesa',
    withdraw: 'Toa pesa',
    airtime: 'Muda wa maongezi',
    bill: 'Lipa bili',
    merchant: 'Lipa mfanyabiashara',
    view: 'Akaunti yangu',
    lock: 'Funga akaunti',
    language: 'Lugha',
  },
}

export const textsFor = (lang: string): Texts => (lang === 'sw' ? sw : en)
