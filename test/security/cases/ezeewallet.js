'use strict';
// eZeeWallet's cases for the reliability and security suite (test/security/suite.test.js).
const crypto = require('crypto');

const USER = 'sandbox_merchant';
// a distinct merchant reference (and so Idempotency Key) per item
const REF = '={{ "bad-input-" + $itemIndex }}';
const sign = (id, user = USER) => crypto.createHash('sha1').update(`${id}${user}`).digest('hex');
const event = (id, status = 'approved') => ({ transaction_id: id, status, signature: sign(id) });

const transferParameters = (operation, id) => ({
	resource: 'transfer', operation, merchantTransactionId: id, amount: '0.01', currency: 'EUR',
	sourceWalletId: 'alice@example.com', sourceWalletPassword: 'alice-wallet-pw', returnSuccessUrl: 'https://s.example/ok',
	returnFailureUrl: 'https://s.example/ko', notificationUrl: 'https://s.example/n', merchantWebsite: 's.example',
});

/** Calls the sandbox's eZeeWallet API as the demo merchant (to prepare real transactions). */
async function api(sandbox, method, path, body) {
	const { baseUrl, username, password } = sandbox.credentials().ezeewallet;
	const response = await fetch(`${baseUrl}${path}`, {
		method,
		headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = await response.json();
	if (response.status !== 200) throw new Error(`sandbox ${method} ${path}: ${JSON.stringify(json)}`);
	return json;
}

/** A real transfer at the sandbox (approved from alice's balance, or pending from bob's). */
async function transfer(sandbox, id, { amount = 1, from = 'alice@example.com', password = 'alice-wallet-pw' } = {}) {
	const { transfer: created } = await api(sandbox, 'POST', '/transfers_new', {
		merchant_transaction_id: id, amount, currency: 'EUR', source_wallet_id: from, source_wallet_pwd: Buffer.from(password).toString('base64'),
		return_success_url: 'https://s.example/ok', return_failure_url: 'https://s.example/ko', notification_url: 'https://s.example/n', merchant_website: 's.example',
	});
	return created;
}

/** A transfer that eZeeWallet declined: pending (bob lacks the balance), then the consumer abandons the top-up. */
async function declinedTransfer(sandbox, id) {
	const created = await transfer(sandbox, id, { amount: 100_000, from: 'bob@example.com', password: 'bob-wallet-pw' });
	const response = await fetch(`${sandbox.baseUrl}/_control/ezeewallet/transfers/${created.ezw_reference_id}/complete`, {
		method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"declined"}',
	});
	if (response.status !== 200) throw new Error('could not decline the transfer');
	return created;
}

/** A real payout at the sandbox (new endpoint), as its notification names it. */
async function payout(sandbox, reference) {
	const created = await api(sandbox, 'POST', '/single_payouts_new', { email: 'carol@example.com', amount: 1, currency: 'USD', merchant_reference: reference });
	const record = sandbox.state('ezeewallet').payouts.find((p) => p.ezw_reference_id === created.ezw_reference_id);
	return record;
}

module.exports = {
	provider: 'ezeewallet',
	credentials: (sandbox) => ({ ezeeWalletApi: sandbox.credentials().ezeewallet }),
	node: 'ezeeWallet',

	triggers: [
		{
			name: 'eZeeWallet Trigger',
			type: 'ezeeWalletTrigger',
			parameters: {},
			// a genuine notification names a real transaction: the trigger confirms it with Transaction → Get
			valid: async (n, sandbox) => {
				const id = `sec-${n}-${crypto.randomUUID().slice(0, 8)}`;
				await transfer(sandbox, id);
				return { payload: event(id) };
			},
			forged: [
				{
					name: 'a captured "declined" notification replayed as "approved"',
					build: async (sandbox) => {
						await declinedTransfer(sandbox, 'sec-declined');
						return { payload: event('sec-declined', 'approved') };
					},
				},
				{
					name: 'a signature for one unique_id vouching for another transaction_id',
					build: async (sandbox) => {
						const paid = await payout(sandbox, 'sec-own-payout');
						await transfer(sandbox, 'victim-order');
						return { payload: { unique_id: paid.unique_id, transaction_id: 'victim-order', status: 'approved', signature: sign(paid.unique_id) } };
					},
				},
				{
					name: "a payout's signed unique_id with another transaction's ezw_reference_id",
					build: async (sandbox) => {
						const other = await payout(sandbox, 'sec-other-payout');
						return { payload: { unique_id: 'u-never-paid', ezw_reference_id: other.ezw_reference_id, status: 'approved', signature: sign('u-never-paid') } };
					},
				},
				{ name: 'a signed id that eZeeWallet does not know', payload: event('sec-unknown-id') },
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
		{
			// behind one proxy of the operator's: the proxy appends the address it saw, so the sender is the rightmost entry
			name: 'eZeeWallet Trigger behind one trusted proxy',
			type: 'ezeeWalletTrigger',
			parameters: { options: { checkSenderIp: true, trustedProxies: 1, allowedIps: '34.251.52.23' } },
			valid: async (n, sandbox) => {
				const id = `proxy-${n}-${crypto.randomUUID().slice(0, 8)}`;
				await transfer(sandbox, id);
				return { payload: event(id), headers: { 'x-forwarded-for': '34.251.52.23' } };
			},
			forged: [
				{
					name: 'X-Forwarded-For: an allowed address written by the client, left of what the proxy saw',
					build: async (sandbox) => {
						await transfer(sandbox, 'proxy-spoof-1');
						return { payload: event('proxy-spoof-1'), headers: { 'x-forwarded-for': '34.251.52.23, 6.6.6.6' } };
					},
				},
				{
					name: 'X-Forwarded-For: the allowed address repeated by the client',
					build: async (sandbox) => {
						await transfer(sandbox, 'proxy-spoof-2');
						return { payload: event('proxy-spoof-2'), headers: { 'x-forwarded-for': '34.251.52.23, 34.251.52.23, 6.6.6.6' } };
					},
				},
				{
					name: 'no X-Forwarded-For at all (the proxy itself is not an allowed sender)',
					build: async (sandbox) => {
						await transfer(sandbox, 'proxy-spoof-3');
						return { payload: event('proxy-spoof-3') };
					},
				},
			],
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
			name: 'single payout (Endpoint Version: Legacy)',
			parameters: { resource: 'payout', operation: 'create', endpointVersion: 'legacy', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: 'sec-payout-version' },
			path: '/single_payouts',
			reference: 'merchantReference',
			movements: (sandbox) => sandbox.state('ezeewallet').payouts.length,
		},
		{
			// a workflow saved when the legacy endpoint was its own operation
			name: 'single payout (legacy endpoint)',
			parameters: { resource: 'payout', operation: 'createLegacy', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: 'sec-payout-legacy' },
			path: '/single_payouts',
			reference: 'merchantReference',
			movements: (sandbox) => sandbox.state('ezeewallet').payouts.length,
		},
		{
			name: 'transfer',
			parameters: transferParameters('create', 'sec-transfer'),
			path: '/transfers_new',
			reference: 'merchantTransactionId',
			movements: (sandbox) => sandbox.state('ezeewallet').transfers.length,
		},
		{
			// a workflow saved when the legacy endpoint was its own operation
			name: 'transfer (legacy endpoint)',
			parameters: transferParameters('createLegacy', 'sec-transfer-legacy'),
			path: '/transfers',
			reference: 'merchantTransactionId',
			movements: (sandbox) => sandbox.state('ezeewallet').transfers.length,
		},
		{
			name: 'refund',
			parameters: { resource: 'refund', operation: 'create', merchantTransactionId: 'sec-refund', amount: '0.01', currency: 'EUR' },
			// a paid transfer to refund (1.00 EUR: room for every refund of a run)
			setup: async (sandbox) => ({ ezwReferenceId: (await transfer(sandbox, `to-refund-${crypto.randomUUID().slice(0, 8)}`, { amount: 100 })).ezw_reference_id }),
			path: '/refunds',
			reference: 'merchantTransactionId',
			movements: (sandbox) => sandbox.state('ezeewallet').refunds.length,
		},
		{
			name: 'batch payout (3 recipients)',
			parameters: { resource: 'payout', operation: 'createBatch', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: '={{ "sec-batch-" + $itemIndex }}' },
			items: [{}, {}, {}],
			path: '/batch_payouts_new',
			reference: 'merchantReference',
			movements: (sandbox) => sandbox.state('ezeewallet').batches.length,
		},
		{
			// one recipient per request, so that a run can be refused at its third item
			name: 'batch payout, one recipient per request',
			parameters: { resource: 'payout', operation: 'createBatch', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: 'sec-batch-one', batchOptions: { batchSize: 1 } },
			path: '/batch_payouts_new',
			reference: 'merchantReference',
			movements: (sandbox) => sandbox.state('ezeewallet').batches.length,
		},
		{
			// a workflow saved when the legacy endpoint was its own operation
			name: 'batch payout (legacy endpoint), one recipient per request',
			parameters: { resource: 'payout', operation: 'createBatchLegacy', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: 'sec-batch-legacy', batchOptions: { batchSize: 1 } },
			path: '/batch_payouts',
			reference: 'merchantReference',
			movements: (sandbox) => sandbox.state('ezeewallet').batches.length,
		},
	],

	reads: [{ name: 'account', parameters: { resource: 'account', operation: 'get', email: 'alice@example.com' }, path: '/account' }],

	badInput: [
		['Amount', { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1.001', currency: 'USD', merchantReference: REF }],
		['Amount', { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: "1' OR '1'='1", currency: 'USD', merchantReference: REF }],
		['Currency', { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'US$', merchantReference: REF }],
		['Consumer Email', { resource: 'payout', operation: 'create', email: 'carol@example.com\r\nBcc: x@y.z', amount: '1', currency: 'USD', merchantReference: REF }],
		['Consumer Email', { resource: 'account', operation: 'get', email: '${jndi:ldap://x}' }],
		['Return Success URL', { resource: 'transfer', operation: 'create', merchantTransactionId: 't', amount: '1', currency: 'EUR', sourceWalletId: 'alice@example.com', sourceWalletPassword: 'alice-wallet-pw', returnSuccessUrl: 'javascript:alert(1)', returnFailureUrl: 'https://s.example/ko', notificationUrl: 'https://s.example/n', merchantWebsite: 's.example' }],
		['Merchant Reference', { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: 'x'.repeat(10_000), idempotencyKey: REF }],
		['Idempotency Key', { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: '' }],
		['Start Date', { resource: 'transfer', operation: 'getMany', filterBy: 'dateRange', startDate: "2024-01-01' OR 1=1", endDate: '2024-01-02T00:00:00', returnAll: true }],
	],

	/** Values that must never be seen in outputs, errors or logs. */
	secrets: () => ['sandbox_api_password', 'alice-wallet-pw', Buffer.from('alice-wallet-pw').toString('base64'), 'bob-wallet-pw'],
};
