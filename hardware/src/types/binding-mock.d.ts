// @serialport/binding-mock ships types its package.json "exports" does not point to; this is the
// part GoPay's tests use.
declare module '@serialport/binding-mock' {
  import type { BindingInterface } from '@serialport/bindings-interface'
  export const MockBinding: BindingInterface & {
    reset(): void
    createPort(path: string, opt?: { echo?: boolean; record?: boolean }): void
  }
}
