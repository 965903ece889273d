'use strict';
// eZeeWallet's cases for the reliability and security suite (test/security/suite.test.js).
const crypto = require('crypto');

const USER = 'sandbox_merchant';
const sign = (id, user = USER) => crypto.createHash('sha1').update(`${id}${user}`).digest('hex');
const event = (id, status = 'approved') => ({ transaction_id: id, status, signature: sign(id) });

module.exports = {
	provider: 'ezeewallet',
	credentials: (sandbox) => ({ ezeeWalletApi: sandbox.credentials().ezeewallet }),
	node: 'ezeeWallet',

	triggers: [
		{
			name: 'eZeeWallet Trigger',
			type: 'ezeeWalletTrigger',
			parameters: {},
			valid: (n) => ({ payload: event(`sec-${n}`) }),
			forged: [
				{ name: 'signature of another id', payload: { ...event('a'), signature: sign('b') } },
				{ name: 'tampered transaction_id', payload: { ...event('a'), transaction_id: 'a-tampered' } },
				{ name: 'tampered unique_id (payout)', payload: { unique_id: 'u-2', status: 'approved', signature: sign('u-1') } },
				{ name: 'signed with another username', payload: { ...event('a'), signature: sign('a', 'attacker') } },
				{ name: 'signed with the API password', payload: { ...event('a'), signature: sign('a', 'sandbox_api_password') } },
				{ name: 'signature upper/lower case swapped bits', payload: { ...event('a'), signature: sign('a').replace(/[0-9]/g, 'f') } },
				{ name: 'missing signature', payload: { transaction_id: 'a', status: 'approved' } },
				{ name: 'empty signature', payload: { ...event('a'), signature: '' } },
				{ name: 'signature as an array', payload: { ...event('a'), signature: [sign('a')] } },
				{ name: 'form-encoded forgery', payload: { ...event('a'), signature: sign('x') }, format: 'form' },
				{ name: 'malformed JSON', raw: '{"transaction_id":"a","signature":' },
				{ name: 'not JSON at all', raw: '<xml>nope</xml>' },
				{ name: 'empty body', raw: '' },
				{ name: 'oversized body (2 MiB)', payload: { ...event('big'), signature: sign('other'), padding: 'x'.repeat(2 * 1024 * 1024) } },
			],
			wrongIp: { parameters: { options: { checkSenderIp: true } }, payload: event('ip-1') },
		},
	],

	moneyOps: [
		{
			name: 'single payout',
			parameters: { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: 'sec-payout' },
			path: '/single_payouts_new',
			reference: 'merchantReference',
			movements: (sandbox) => sandbox.state('ezeewallet').payouts.length,
		},
		{
			name: 'transfer',
			parameters: {
				resource: 'transfer', operation: 'create', merchantTransactionId: 'sec-transfer', amount: '1', currency: 'EUR',
				sourceWalletId: 'alice@example.com', sourceWalletPassword: 'alice-wallet-pw', returnSuccessUrl: 'https://s.example/ok',
				returnFailureUrl: 'https://s.example/ko', notificationUrl: 'https://s.example/n', merchantWebsite: 's.example',
			},
			path: '/transfers_new',
			movements: (sandbox) => sandbox.state('ezeewallet').transfers.length,
		},
		{
			name: 'batch payout (3 recipients)',
			parameters: { resource: 'payout', operation: 'createBatch', email: 'carol@example.com', amount: '1', currency: 'USD' },
			items: [{}, {}, {}],
			path: '/batch_payouts_new',
			movements: (sandbox) => sandbox.state('ezeewallet').batches.length,
		},
	],

	reads: [{ name: 'account', parameters: { resource: 'account', operation: 'get', email: 'alice@example.com' }, path: '/account' }],

	badInput: [
		['Amount', { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1.001', currency: 'USD' }],
		['Amount', { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: "1' OR '1'='1", currency: 'USD' }],
		['Currency', { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'US$' }],
		['Consumer Email', { resource: 'payout', operation: 'create', email: 'carol@example.com\r\nBcc: x@y.z', amount: '1', currency: 'USD' }],
		['Consumer Email', { resource: 'account', operation: 'get', email: '${jndi:ldap://x}' }],
		['Return Success URL', { resource: 'transfer', operation: 'create', merchantTransactionId: 't', amount: '1', currency: 'EUR', sourceWalletId: 'alice@example.com', sourceWalletPassword: 'alice-wallet-pw', returnSuccessUrl: 'javascript:alert(1)', returnFailureUrl: 'https://s.example/ko', notificationUrl: 'https://s.example/n', merchantWebsite: 's.example' }],
		['Merchant Reference', { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: 'x'.repeat(10_000) }],
		['Start Date', { resource: 'transfer', operation: 'getMany', filterBy: 'dateRange', startDate: "2024-01-01' OR 1=1", endDate: '2024-01-02T00:00:00', returnAll: true }],
	],

	/** Values that must never be seen in outputs, errors or logs. */
	secrets: () => ['sandbox_api_password', 'alice-wallet-pw', Buffer.from('alice-wallet-pw').toString('base64'), 'bob-wallet-pw'],
};
