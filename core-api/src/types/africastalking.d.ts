// The SDK ships no types; this is the part GoPay uses (FIELD-NOTES.md: only apiKey, username, format).
declare module 'africastalking' {
  interface SmsRecipient {
    status: string
    messageId: string
    number: string
    cost: string
  }
  interface Client {
    SMS: {
      send(opts: { to: string[]; message: string; from?: string; enqueue?: boolean }): Promise<{
        SMSMessageData: { Message: string; Recipients: SmsRecipient[] }
      }>
    }
    AIRTIME: AirtimeClient
  }
  interface AirtimeClient {
    send(opts: {
      recipients: Array<{ phoneNumber: string; currencyCode: string; amount: number }>
      idempotencyKey?: string
    }): Promise<{
      errorMessage?: string
      responses?: Array<{ status: string; requestId?: string; errorMessage?: string; phoneNumber: string }>
    }>
  }
  export default function africastalking(opts: { apiKey: string; username: string; format?: string }): Client
}
