import type { MagstripeData } from './tracks'

/** What every reader emits: a tap of an NFC card, or a swipe. */
export type CardEvent =
  | { kind: 'nfc'; uid: string; readerName: string }
  | ({ kind: 'magstripe'; readerName: string } & MagstripeData)

export interface CardReaderEvents {
  card: [CardEvent]
  /** A swipe or tap that could not be read, with what to tell the operator. */
  'bad-read': [{ readerName: string; message: string }]
}
