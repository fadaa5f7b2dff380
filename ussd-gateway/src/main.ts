// Not built yet: this part of GoPay has its own issue. Failing loudly beats pretending to serve.
console.error('GoPay ussd-gateway is not built yet (see README, "Status").')
process.exit(1)
