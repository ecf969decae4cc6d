import type { SynonymGroups } from '../synonyms';

/**
 * Words readers use for the same thing, in English; a query word finds pages that use another
 * word of its group (see src/lib/browser/synonyms.ts). Only true near-synonyms in this guide's context.
 */
export default [
  ['cancel', 'deactivate', 'terminate', 'close', 'stop', 'end'],
  ['delete', 'remove', 'erase', 'uninstall'],
  ['refund', 'money back', 'reimbursement', 'chargeback'],
  ['auto top-up', 'auto-renew', 'auto renewal', 'renewal', 'recharge', 'top up', 'top-up'],
  ['subscription', 'plan', 'package'],
  ['account', 'profile'],
  ['delete account', 'close account', 'deactivate account', 'account deletion'],
  ['support', 'customer service', 'help desk', 'helpdesk', 'contact', 'agent'],
  ['verification code', 'one-time code', 'OTP', '2FA', 'security code'],
  ['phone number', 'number', 'line'],
  ['mobile data', 'cellular data', 'data roaming', 'data'],
  ['scam', 'fraud', 'phishing', 'fake'],
  ['forgot password', 'reset password', 'password reset', 'lost password'],
  ['receipt', 'invoice', 'proof of purchase'],
  ['seller', 'sold', 'bought', 'vendor', 'provider', 'purchased'],
] satisfies SynonymGroups;
