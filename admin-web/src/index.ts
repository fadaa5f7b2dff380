// Package skeleton: this part of GoPay is built by its own issue (see README, "Status").
export const part = 'admin-web'
