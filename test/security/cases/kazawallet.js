'use strict';
// Kazawallet's cases for the reliability and security suite (test/security/suite.test.js).
// One trigger node serves three kinds of webhook, each with its own protection, so it appears three times:
// payment links (signed: HMAC-SHA512, items say verification "signature"), card events (unsigned: confirmed
// by looking the card transaction up, exactly, within 3 calls; verification "lookup") and withdrawals / deposits
// (unsigned, no look-up endpoint: verification "none", protected by the URL only, see
// docs/kazawallet.md — forgeries of those that look genuine cannot be told apart and are not listed here).
const crypto = require('crypto');
const { DEMO } = require('../../../sandbox/providers/kazawallet');

const UNITS = 10n ** 8n; // the sandbox keeps amounts in units of 1e-8

/** The payment-link signature, computed here independently of the node's code. */
function sign(amount, orderId, { apiKey = DEMO.apiKey, apiSecret = DEMO.apiSecret, digest = 'sha256', encoding = 'base64' } = {}) {
	const message = digest ? crypto.createHash(digest).update(`${amount}:::${orderId}:::${apiKey}`).digest() : `${amount}:::${orderId}:::${apiKey}`;
	return crypto.createHmac('sha512', apiSecret).update(message).digest(encoding);
}
const link = (orderId, amount = '10.00', status = 'fulfilled') => ({ order_id: orderId, secret: sign(amount, orderId), amount, ref: 'sec', status, currency: 'USD' });

/** Calls the sandbox's Kazawallet API or control endpoints the way Kazawallet's own side would. */
async function api(sandbox, method, path, body, { control = false, keyOnly = false } = {}) {
	const headers = { 'content-type': 'application/json', 'x-api-key': DEMO.apiKey };
	if (!keyOnly) Object.assign(headers, { 'x-api-secret': DEMO.apiSecret, 'merchant-email': DEMO.merchantEmail });
	const url = control ? `${sandbox.baseUrl}/_control/kazawallet${path}` : `${sandbox.baseUrl}/kazawallet${path}`;
	const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const answer = await response.json();
	if (response.status !== 200 || answer.success === false) throw new Error(`sandbox ${path}: ${JSON.stringify(answer)}`);
	return answer;
}
const state = (sandbox) => sandbox.state('kazawallet');

// Cards issued by the card-event trigger's setup (the sandbox is reset before every test).
const cards = {};
async function issueCards(sandbox) {
	for (const name of ['mine', 'other']) {
		const { card } = await api(sandbox, 'POST', '/wallet-cards/create-then-topup', { email: 'alice@example.com', amount: '40.00', cardType: 'basic' });
		cards[name] = card.id;
	}
}
/** A genuine card transaction (CC_CONSUME) as Kazawallet would send it: the sandbox records it, nothing is delivered. */
async function spend(sandbox, amount, cardId = cards.mine) {
	const { payload } = await api(sandbox, 'POST', `/cards/${cardId}/spend`, { amount, merchantName: 'Sec Shop' }, { control: true });
	return payload;
}
async function threeDS(sandbox, cardId = cards.mine) {
	const { payload } = await api(sandbox, 'POST', `/cards/${cardId}/spend`, { amount: '2.00', threeDS: true }, { control: true });
	return payload;
}
const tampered = (name, change) => ({
	name,
	build: async (sandbox) => {
		const payload = await spend(sandbox, '1.25');
		return { payload: change(payload) };
	},
});

// Fixtures for money moves that act on something existing (a card, a 3DS challenge, a gift card).
const FIXTURE_CARD = 'kc-sec-1';
const FIXTURE_PAN = '5500005555555559';
const FIXTURE_GIFT = 'GC-SEC0-0001';
function addFixtures(sandbox) {
	const s = state(sandbox);
	s.cards.push({ id: FIXTURE_CARD, email: 'alice@example.com', cardType: 'basic', status: 'active', locked: false, balance: 20n * UNITS, cardNumber: FIXTURE_PAN, cvv: '123', expiry: '11/30', fee: '5.00', createdAt: new Date().toISOString(), transactions: [] });
	s.challenges.push({ cardId: FIXTURE_CARD, code: '482913', amount: 2n * UNITS, merchantName: 'Sec Shop', used: false, createdAt: Date.now() });
	s.giftCards.push({ code: FIXTURE_GIFT, currency: 'USD', amount: '5.00', createdAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 86_400_000).toISOString(), redeemedBy: undefined });
}
const fixtureCard = (sandbox) => state(sandbox).cards.find((card) => card.id === FIXTURE_CARD);

const oversized = 'x'.repeat(2 * 1024 * 1024);
const methodFields = { field: [{ name: 'wallet_address', value: 'T1' }] };

module.exports = {
	provider: 'kazawallet',
	credentials: (sandbox) => ({ kazawalletApi: sandbox.credentials().kazawallet }),
	node: 'kazawallet',

	triggers: [
		{
			name: 'Kazawallet Trigger (payment link)',
			type: 'kazawalletTrigger',
			parameters: {},
			// a link created with the API, then paid: the payload the sandbox signs (its delivery goes nowhere)
			valid: async (n, sandbox) => {
				const { order_id: orderId } = await api(sandbox, 'POST', '/createPaymentLink', { amount: `${n}.00`, currency: 'USD', email: DEMO.merchantEmail, ref: `sec-${n}` }, { keyOnly: true });
				const { payload } = await api(sandbox, 'POST', `/payment-links/${orderId}/complete`, { status: 'fulfilled' }, { control: true });
				return { payload };
			},
			forged: [
				{ name: 'tampered amount', payload: { ...link('pl-1'), amount: '1000.00' } },
				{ name: 'tampered order_id', payload: { ...link('pl-1'), order_id: 'pl-2' } },
				{ name: 'amount reformatted (10 for 10.00)', payload: { ...link('pl-1'), amount: '10' } },
				{ name: 'order that does not exist, signature made up', payload: { ...link('pl-404'), secret: crypto.randomBytes(64).toString('base64') } },
				{ name: 'signed with another API key', payload: { ...link('pl-1'), secret: sign('10.00', 'pl-1', { apiKey: 'kz_attacker_key' }) } },
				{ name: 'signed with another API secret', payload: { ...link('pl-1'), secret: sign('10.00', 'pl-1', { apiSecret: 'kz_attacker_secret' }) } },
				{ name: 'signed with the API key as HMAC key', payload: { ...link('pl-1'), secret: sign('10.00', 'pl-1', { apiSecret: DEMO.apiKey }) } },
				{ name: 'HMAC over the plain string (no SHA-256 step)', payload: { ...link('pl-1'), secret: sign('10.00', 'pl-1', { digest: null }) } },
				{ name: 'right HMAC, hex instead of Base64', payload: { ...link('pl-1'), secret: sign('10.00', 'pl-1', { encoding: 'hex' }) } },
				{ name: 'Base64 with case swapped', payload: { ...link('pl-1'), secret: link('pl-1').secret.replace(/[a-z]/g, (c) => c.toUpperCase()) } },
				{ name: 'truncated signature', payload: { ...link('pl-1'), secret: link('pl-1').secret.slice(0, 40) } },
				{ name: 'missing secret', payload: { order_id: 'pl-1', amount: '10.00', status: 'fulfilled', currency: 'USD' } },
				{ name: 'empty secret', payload: { ...link('pl-1'), secret: '' } },
				{ name: 'secret as an array', payload: { ...link('pl-1'), secret: [link('pl-1').secret] } },
				{ name: 'secret as an object', payload: { ...link('pl-1'), secret: { $ne: '' } } },
				{ name: 'missing amount', payload: { order_id: 'pl-1', secret: link('pl-1').secret, status: 'fulfilled' } },
				{ name: 'duplicate JSON key: signed amount first, larger one last', raw: `{"order_id":"pl-1","amount":"10.00","secret":"${link('pl-1').secret}","status":"fulfilled","amount":"1000.00"}` },
				{ name: 'JSON number 10.00 signed as 10', raw: `{"order_id":"pl-1","amount":10.00,"status":"fulfilled","secret":"${sign('10', 'pl-1')}"}` },
				{ name: 'form-encoded with tampered amount', payload: { ...link('pl-1'), amount: '99.00' }, format: 'form' },
				{ name: 'malformed JSON', raw: `{"order_id":"pl-1","secret":` },
				{ name: 'not JSON at all', raw: '<xml>order_id=pl-1</xml>' },
				{ name: 'empty body', raw: '' },
				{ name: 'oversized body (2 MiB), correctly signed', payload: { ...link('pl-big'), padding: oversized } },
				{ name: 'oversized body (2 MiB), forged', payload: { ...link('pl-big'), amount: '1.00', padding: oversized } },
			],
		},
		{
			name: 'Kazawallet Trigger (card events)',
			type: 'kazawalletTrigger',
			parameters: {}, // "Confirm Card Events With Kazawallet" is on by default
			setup: issueCards,
			// a genuine card payment recorded by the sandbox, as Kazawallet sends it
			valid: async (n, sandbox) => ({ payload: await spend(sandbox, `0.${String(n).padStart(2, '0')}`) }),
			forged: [
				{ name: 'refund for a transaction that does not exist', build: async () => ({ payload: { event: 'CC_REFUND', cardId: cards.mine, details: { id: 'ct-999999', amount: '500.00', type: 3, status: 1, direction: 1, currency: 'USD', transactionAt: Date.now() } } }) },
				{ name: 'recharge without a transaction id, matching nothing', build: async () => ({ payload: { event: 'CC_RECHARGE', cardId: cards.mine, details: { amount: '40.00', transactionAt: 1 } } }) },
				{ name: 'card that does not exist', build: async (sandbox) => ({ payload: { ...(await spend(sandbox, '1.00')), cardId: 'kc-404' } }) },
				{ name: "another card's genuine transaction under this card", build: async (sandbox) => ({ payload: { ...(await spend(sandbox, '1.00', cards.other)), cardId: cards.mine } }) },
				tampered('genuine transaction, tampered amount', (p) => ({ ...p, details: { ...p.details, amount: '125.00' } })),
				tampered('genuine transaction, tampered status (Successful → Cancelled)', (p) => ({ ...p, details: { ...p.details, status: 7 } })),
				tampered('genuine transaction, tampered direction', (p) => ({ ...p, details: { ...p.details, direction: 1 } })),
				tampered('genuine transaction, tampered type (consumption → refund)', (p) => ({ ...p, details: { ...p.details, type: 3 } })),
				tampered('genuine transaction, tampered currency', (p) => ({ ...p, details: { ...p.details, currency: 'EUR' } })),
				tampered('genuine transaction, tampered time', (p) => ({ ...p, details: { ...p.details, transactionAt: p.details.transactionAt + 60_000 } })),
				tampered('genuine transaction, tampered card number', (p) => ({ ...p, details: { ...p.details, cardNumber: '****0000' } })),
				{ name: 'no card id, card number of no card', payload: { event: 'CC_CONSUME', details: { id: 'ct-1', amount: '1.00', cardNumber: '****9999' } } },
				{ name: 'no card id and no card number', payload: { event: 'CC_CONSUME', details: { id: 'ct-1', amount: '1.00' } } },
				{ name: '3DS for a card that does not exist', payload: { event: '3DS_CONFIRM', cardId: 'kc-404', details: { amount: '1.00', type: 'code', cardNumber: '****1234', validateCode: '123456' } } },
				{ name: '3DS with the wrong card number', build: async (sandbox) => { const p = await threeDS(sandbox); return { payload: { ...p, details: { ...p.details, cardNumber: '****0000' } } }; } },
				{ name: 'unknown event name', payload: { event: 'CC_PAYOUT', cardId: 'kc-1', details: { amount: '1.00' } } },
				{ name: 'malformed JSON', raw: '{"event":"CC_CONSUME","cardId":' },
				{ name: 'oversized body (2 MiB)', build: async (sandbox) => ({ payload: { ...(await spend(sandbox, '1.00')), padding: oversized } }) },
				// loose confirmation: the genuine transaction, its values written another way (must be compared exactly)
				...[
					['amount with a sign', { amount: '+1.25' }],
					['amount with an exponent', { amount: '125e-2' }],
					['amount with spaces', { amount: ' 1.25 ' }],
					['amount with more decimals than USD', { amount: '1.250' }],
					['amount with a decimal comma', { amount: '1,25' }],
					['amount with a leading zero', { amount: '01.25' }],
					['amount as a JSON number', { amount: 1.25 }],
					['type as text', { type: 'Consumption' }],
					['status as text', { status: 'Successful' }],
					['status with a leading zero', { status: '01' }],
					['currency in lower case', { currency: 'usd' }],
					['time in seconds instead of milliseconds', null],
				].map(([what, change]) =>
					tampered(`genuine transaction, ${what}`, (p) => ({ ...p, details: { ...p.details, ...(change || { transactionAt: Math.floor(p.details.transactionAt / 1000) }) } })),
				),
				tampered('genuine transaction, event name in lower case', (p) => ({ ...p, event: 'cc_consume' })),
				tampered('genuine consumption sent as CC_REFUND', (p) => ({ ...p, event: 'CC_REFUND' })),
				tampered('genuine consumption sent as CC_RECHARGE with type 1', (p) => ({ ...p, event: 'CC_RECHARGE', details: { ...p.details, type: 1 } })),
				// settled: Kazawallet sends no webhook for POSTED (4); once settled, the transaction cannot start a run again
				{
					name: 'settled transaction: its earlier event sent after it settled',
					build: async (sandbox) => {
						const payload = await spend(sandbox, '1.30');
						state(sandbox).cards.find((card) => card.id === cards.mine).transactions.find((t) => t.id === payload.details.id).status = 4;
						return { payload };
					},
				},
				{
					name: 'settled transaction: an event saying POSTED (4)',
					build: async (sandbox) => {
						const payload = await spend(sandbox, '1.35');
						state(sandbox).cards.find((card) => card.id === cards.mine).transactions.find((t) => t.id === payload.details.id).status = 4;
						return { payload: { ...payload, details: { ...payload.details, status: 4 } } };
					},
				},
				// amplification: lists of many pages; each forged event may cost at most 3 calls, then 503 (not accepted).
				// test/kazawallet/trigger.test.js counts the calls ("one forged card event costs at most 3 provider calls").
				{
					name: 'amplification: refund of an unknown transaction on a card with 30 pages of transactions',
					build: async (sandbox) => {
						state(sandbox).pageSize = 1;
						for (let i = 0; i < 30; i++) await spend(sandbox, '0.01');
						return { payload: { event: 'CC_REFUND', cardId: cards.mine, details: { id: 'ct-999999', amount: '0.01', currency: 'USD', type: 3, status: 1, direction: 1 } } };
					},
				},
				{ name: 'amplification: no card id, last four of no card (whole card list needed)', payload: { event: 'CC_CONSUME', details: { id: 'ct-1', amount: '0.01', currency: 'USD', type: 2, status: 1, cardNumber: '****0000' } } },
				{ name: 'card id that climbs a path', build: async (sandbox) => ({ payload: { ...(await spend(sandbox, '1.00')), cardId: '../admin' } }) },
			],
			// the genuine event again with fields dropped (not signed, not needed): still a repeat, keyed by Kazawallet's record
			replays: async (valid) => {
				const { merchantName, direction, transactionAt, ...fewer } = valid.payload.details;
				return [{ payload: { ...valid.payload, details: fewer } }];
			},
		},
		{
			name: 'Kazawallet Trigger (withdrawal and deposit)',
			type: 'kazawalletTrigger',
			parameters: {},
			// a withdrawal (even n) or deposit (odd n) created with the API and settled: the sandbox's payload
			valid: async (n, sandbox) => {
				if (n % 2 === 0) {
					const { withdrawal } = await api(sandbox, 'POST', '/createWithdrawalRequest', { email: 'alice@example.com', currency: 'USD', amount: `${n}.00`, note: 'sec', paymentMethod: '15', fields: { wallet_address: 'T1' } });
					return { payload: (await api(sandbox, 'POST', `/withdrawals/${withdrawal.id}/settle`, { status: 'completed' }, { control: true })).payload };
				}
				const { createdPayment } = await api(sandbox, 'POST', '/createDepositRequest', { merchantEmail: DEMO.merchantEmail, email: 'bob@example.com', currency: 'USD', amount: `${n}.00`, note: 'sec', paymentMethod: 15, fields: {} });
				return { payload: (await api(sandbox, 'POST', `/deposits/${createdPayment.transaction_id}/settle`, { status: 'completed' }, { control: true })).payload };
			},
			forged: [
				{ name: 'oversized withdrawal (2 MiB)', payload: { type: 'withdrawal', transaction_id: 'wd-1', status: 'completed', amount: '1.00', currency: 'USD', padding: oversized } },
				{ name: 'oversized deposit (2 MiB)', payload: { type: 'deposit', transaction_id: 'de-1', status: 'completed', amount: '1.00', currency: 'USD', padding: oversized } },
				{ name: 'neither withdrawal nor deposit', payload: { type: 'refund', transaction_id: 'rf-1', status: 'completed', amount: '1.00' } },
				{ name: 'a JSON array', raw: '[{"type":"withdrawal","transaction_id":"wd-1","status":"completed"}]' },
				{ name: 'malformed JSON', raw: '{"type":"withdrawal","transaction_id":' },
				{ name: 'withdrawal without a transaction id', payload: { type: 'withdrawal', status: 'completed', amount: '1.00' } },
				{ name: 'form-encoded deposit without a transaction id', payload: { type: 'deposit', status: 'completed', amount: '1.00' }, format: 'form' },
				{ name: 'not JSON at all', raw: '<html><body>withdrawal</body></html>', contentType: 'text/html' },
				{ name: 'empty body', raw: '' },
			],
			// neither signed nor confirmable: every item carries verification "none" (asserted in test/kazawallet/trigger.test.js);
			// a replay with another amount is still a repeat (keyed by transaction id and status)
			replays: async (valid) => [{ payload: { ...valid.payload, amount: '999.00' } }],
		},
	],

	moneyOps: [
		{
			name: 'payment link',
			parameters: { resource: 'paymentLink', operation: 'create', amount: '10.00', currency: 'USD', ref: 'sec-link' },
			path: '/createPaymentLink',
			// create-once, not a money move: the link moves nothing until the customer pays (KAZAWALLET_CALLS)
			ledger: false,
			movements: (sandbox) => state(sandbox).paymentLinks.length,
		},
		{
			name: 'withdrawal',
			parameters: { resource: 'withdrawal', operation: 'create', email: 'alice@example.com', currency: 'USD', amount: '20.00', paymentMethod: '15', methodFields, idempotencyKey: 'sec-withdrawal' },
			path: '/createWithdrawalRequest',
			reference: 'note',
			movements: (sandbox) => state(sandbox).withdrawals.length,
		},
		{
			name: 'deposit',
			parameters: { resource: 'deposit', operation: 'create', email: 'bob@example.com', currency: 'USD', amount: '8.00', paymentMethod: '15' },
			path: '/createDepositRequest',
			// create-once, not a money move: a pending request the user then pays (KAZAWALLET_CALLS)
			ledger: false,
			movements: (sandbox) => state(sandbox).deposits.length,
		},
		{
			name: 'transfer to a user',
			parameters: { resource: 'transfer', operation: 'create', email: 'alice@example.com', currency: 'USD', amount: '5.00', note: 'sec', idempotencyKey: 'sec-transfer' },
			path: '/transfer-from-merchant-to-user',
			reference: 'note',
			movements: (sandbox) => state(sandbox).transfers.length,
		},
		{
			name: 'card issue (with top-up)',
			parameters: { resource: 'card', operation: 'issue', email: 'alice@example.com', amount: '25.00', cardType: 'basic', idempotencyKey: 'sec-issue' },
			path: '/wallet-cards/create-then-topup',
			// no reference field of its own: the key is the only per-item value
			reference: 'idempotencyKey',
			movements: (sandbox) => state(sandbox).cards.length,
		},
		{
			name: 'card create without top-up (deprecated)',
			parameters: { resource: 'card', operation: 'createWithoutTopUp', email: 'alice@example.com', cardType: 'plus', idempotencyKey: 'sec-create' },
			path: '/wallet-cards/create',
			reference: 'idempotencyKey',
			movements: (sandbox) => state(sandbox).cards.length,
		},
		{
			name: 'card top-up',
			setup: addFixtures,
			parameters: { resource: 'card', operation: 'topUp', cardId: FIXTURE_CARD, amount: '10.00', idempotencyKey: 'sec-topup' },
			path: '/wallet-cards/topup',
			reference: 'idempotencyKey',
			movements: (sandbox) => fixtureCard(sandbox).transactions.length,
		},
		{
			name: 'card cancel (balance returned)',
			setup: addFixtures,
			parameters: { resource: 'card', operation: 'cancel', cardId: FIXTURE_CARD },
			path: '/wallet-cards/cancel',
			// create-once: the balance goes back once, a second cancel is refused by Kazawallet (CARD_CANCELLED)
			ledger: false,
			movements: (sandbox) => (fixtureCard(sandbox).status === 'cancelled' ? 1 : 0),
		},
		{
			name: 'card 3DS validate code',
			setup: addFixtures,
			parameters: { resource: 'card', operation: 'validateCode', cardId: FIXTURE_CARD, code: '482913' },
			path: '/wallet-cards/validate-code',
			// create-once: the 3DS code is one-time at Kazawallet, the amount is the shop's (KAZAWALLET_CALLS)
			ledger: false,
			movements: (sandbox) => fixtureCard(sandbox).transactions.length,
		},
		{
			name: 'gift card create',
			parameters: { resource: 'giftCard', operation: 'create', currency: 'USD', amount: '15.00', idempotencyKey: 'sec-gift' },
			path: '/gift-card/create',
			reference: 'idempotencyKey',
			movements: (sandbox) => state(sandbox).giftCards.length,
		},
		{
			name: 'gift card redeem',
			setup: addFixtures,
			parameters: { resource: 'giftCard', operation: 'redeem', giftCardCode: FIXTURE_GIFT, userEmail: 'bob@example.com' },
			path: '/gift-card/redeem',
			// create-once: a gift card is redeemed once (GIFT_CARD_REDEEMED), the code is Kazawallet's guard
			ledger: false,
			movements: (sandbox) => state(sandbox).giftCards.filter((gift) => gift.redeemedBy).length,
		},
	],

	reads: [
		{ name: 'wallet balances', parameters: { resource: 'wallet', operation: 'getBalances' }, path: '/get-merchant-wallets' },
		{ name: 'exchange rates', parameters: { resource: 'wallet', operation: 'getRates' }, path: '/get-rate' },
		{ name: 'cards (Return All)', parameters: { resource: 'card', operation: 'getMany', returnAll: true }, path: '/get-merchant-wallets-cards' },
	],

	badInput: [
		// amounts: wrong format, injection, out of range, too many decimals
		['Amount', { resource: 'paymentLink', operation: 'create', amount: '10.001', currency: 'USD' }],
		['Amount', { resource: 'paymentLink', operation: 'create', amount: "10' OR '1'='1", currency: 'USD' }],
		['Amount', { resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: 'alice@example.com', currency: 'USDT', amount: '1.000000001', paymentMethod: '15', methodFields }],
		['Amount', { resource: 'deposit', operation: 'create', email: 'bob@example.com', currency: 'USD', amount: '-8.00', paymentMethod: '15' }],
		['Amount', { resource: 'transfer', operation: 'create', idempotencyKey: 'test-transfer-create', email: 'alice@example.com', currency: 'USD', amount: '1e9' }],
		['Amount', { resource: 'transfer', operation: 'create', idempotencyKey: 'test-transfer-create', email: 'alice@example.com', currency: 'USD', amount: '9'.repeat(10_000) }],
		['Amount', { resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email: 'alice@example.com', amount: '0.00', cardType: 'basic' }],
		['Amount', { resource: 'card', operation: 'topUp', idempotencyKey: 'test-card-topUp', cardId: 'kc-1', amount: '5.00\r\nX-Injected: 1' }],
		['Amount', { resource: 'giftCard', operation: 'create', idempotencyKey: 'test-giftCard-create', currency: 'USD', amount: 'NaN' }],
		// currencies
		['Currency', { resource: 'paymentLink', operation: 'create', amount: '1', currency: 'US$' }],
		['Currency', { resource: 'transfer', operation: 'create', idempotencyKey: 'test-transfer-create', email: 'alice@example.com', currency: "USD'; DROP TABLE wallets;--", amount: '1' }],
		['Currency', { resource: 'giftCard', operation: 'create', idempotencyKey: 'test-giftCard-create', currency: 'USD\r\nX', amount: '1' }],
		['Currency', { resource: 'wallet', operation: 'getBalances', currency: 'x'.repeat(300) }],
		// emails
		['Merchant Email', { resource: 'paymentLink', operation: 'create', amount: '1', currency: 'USD', email: 'merchant@kazawallet.test\r\nBcc: x@y.z' }],
		['Email', { resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: '${jndi:ldap://x}', currency: 'USD', amount: '1', paymentMethod: '15', methodFields }],
		['User Email', { resource: 'deposit', operation: 'create', email: '<script>alert(1)</script>@x.com', currency: 'USD', amount: '1', paymentMethod: '15' }],
		['User Email', { resource: 'transfer', operation: 'create', idempotencyKey: 'test-transfer-create', email: `${'a'.repeat(300)}@example.com`, currency: 'USD', amount: '1' }],
		['User Email', { resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email: "alice@example.com' OR 1=1--", amount: '5', cardType: 'basic' }],
		['User Email', { resource: 'giftCard', operation: 'redeem', giftCardCode: 'GC-1', userEmail: 'bob@example.com\nX: y' }],
		// other fields
		['Reference', { resource: 'paymentLink', operation: 'create', amount: '1', currency: 'USD', ref: 'x'.repeat(10_000) }],
		['Redirect URL', { resource: 'paymentLink', operation: 'create', amount: '1', currency: 'USD', redirectUrl: 'javascript:alert(1)' }],
		['Redirect URL', { resource: 'paymentLink', operation: 'create', amount: '1', currency: 'USD', redirectUrl: 'file:///etc/passwd' }],
		['Note', { resource: 'transfer', operation: 'create', idempotencyKey: 'test-transfer-create', email: 'alice@example.com', currency: 'USD', amount: '1', note: 'x'.repeat(10_000) }],
		['Payment Method', { resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: 'alice@example.com', currency: 'USD', amount: '1', paymentMethod: '118 OR 1=1', methodFields }],
		['Payment Method', { resource: 'deposit', operation: 'create', email: 'bob@example.com', currency: 'USD', amount: '1', paymentMethod: '-1' }],
		['Method Fields › Field Name', { resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: 'alice@example.com', currency: 'USD', amount: '1', paymentMethod: '15', methodFields: { field: [{ name: 'x'.repeat(500), value: 'T1' }] } }],
		['Method Fields', { resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: 'alice@example.com', currency: 'USD', amount: '1', paymentMethod: '15', methodFields: { field: [{ name: 'wallet_address', value: 'T1' }, { name: 'wallet_address', value: 'T2' }] } }],
		['Card Type', { resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email: 'alice@example.com', amount: '5', cardType: 'platinum' }],
		['Card ID', { resource: 'card', operation: 'topUp', idempotencyKey: 'test-card-topUp', cardId: '../../admin', amount: '5' }],
		['Card ID', { resource: 'card', operation: 'cancel', cardId: 'kc-1\r\nX-Injected: 1' }],
		['Card ID', { resource: 'card', operation: 'get', cardId: "kc-1' OR '1'='1" }],
		['Card ID', { resource: 'card', operation: 'getTransactions', cardId: 'x'.repeat(500), returnAll: true }],
		['Limit', { resource: 'card', operation: 'getTransactions', cardId: 'kc-1', returnAll: false, limit: -1 }],
		['Code', { resource: 'card', operation: 'validateCode', cardId: 'kc-1', code: '1234\r\n5678' }],
		['Code', { resource: 'card', operation: 'validateCode', cardId: 'kc-1', code: '9'.repeat(100) }],
		['Gift Card Code', { resource: 'giftCard', operation: 'redeem', giftCardCode: 'GC-1; rm -rf /', userEmail: 'bob@example.com' }],
		['Gift Card Code', { resource: 'giftCard', operation: 'redeem', giftCardCode: 'G'.repeat(500), userEmail: 'bob@example.com' }],
		['Field Slug', { resource: 'wallet', operation: 'getPaymentMethodFields', paymentMethod: '15', field: 'x'.repeat(500) }],
	],

	/** Values that must never be seen in outputs, errors or logs. */
	secrets: () => [
		DEMO.apiSecret,
		DEMO.apiKey,
		FIXTURE_PAN, // full card number of the fixture card (the fault runs read and change it)
		'4111111111114242', // full card number sent in a card webhook by test/kazawallet/trigger.test.js
	],
};
