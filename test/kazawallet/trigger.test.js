'use strict';
// The Kazawallet Trigger behind a real HTTP webhook, fed by the sandbox the way Kazawallet sends.
const CryptoJS = require('crypto-js');
const { startTrigger, node, post } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');

const k = providerKit('kazawallet');
const { DEMO } = k;

/** The signature computed independently with crypto-js. */
function sign(amount, orderId, apiKey = DEMO.apiKey, apiSecret = DEMO.apiSecret) {
	return CryptoJS.HmacSHA512(CryptoJS.SHA256(`${amount}:::${orderId}:::${apiKey}`), apiSecret).toString(CryptoJS.enc.Base64);
}

let trigger;
async function start(parameters = {}, downstream = [node('After', 'harness.passThrough')]) {
	trigger = await startTrigger({ trigger: node('Kazawallet Trigger', 'kazawalletTrigger', parameters), downstream, credentials: k.credentials() });
	await trigger.activate();
	await k.control('POST', '/webhook-url', { url: trigger.url() });
	return trigger;
}

afterEach(async () => {
	if (trigger) await trigger.close();
	trigger = undefined;
});

/** Waits until the sandbox has delivered `count` webhooks, then until the trigger's runs finished. */
async function deliveries(count) {
	for (let i = 0; i < 200 && k.sandbox.webhooks.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
	expect(k.sandbox.webhooks.length).toBe(count);
	await trigger.settle();
}

async function createLink(amount = '10.00', currency = 'USD', ref = 'order-1') {
	const result = await k.run({ resource: 'paymentLink', operation: 'create', amount, currency, ref });
	expect(result.error).toBeUndefined();
	return result.items[0].order_id;
}

describe('setup', () => {
	test('the node says which URL goes in the Kazawallet profile (Test URL while listening, Production URL once active) and registers nothing', async () => {
		const path = require('path');
		const { PACKAGE_ROOT } = require('../harness/n8n');
		const { KazawalletTrigger } = require(path.join(PACKAGE_ROOT, 'dist/nodes/Kazawallet/KazawalletTrigger.node.js'));
		const { urlPerRequestWebhookMethods } = require(path.join(PACKAGE_ROOT, 'dist/nodes/shared/webhook.js'));
		const node = new KazawalletTrigger();
		const notice = node.description.properties.find((p) => p.name === 'setupNotice');
		expect(notice.type).toBe('notice');
		expect(notice.displayName).toMatch(/Kazawallet profile/);
		expect(notice.displayName).toMatch(/Test URL there while you listen/);
		expect(notice.displayName).toMatch(/Production URL once the workflow is active/);
		expect(notice.displayName).not.toMatch(/\.$/);
		// the shared no-op lifecycle: Kazawallet has no API to set the URL
		expect(node.webhookMethods).toBe(urlPerRequestWebhookMethods);
		const ignore = node.description.properties.find((p) => p.name === 'options').options.find((o) => o.name === 'ignoreRepeats');
		expect(ignore.displayName).toBe('Ignore Repeated Notifications');
	});
});

describe('payment-link webhook', () => {
	test('a paid link (JSON) is verified and emitted once; the merchant is credited', async () => {
		await start();
		const orderId = await createLink('10.00');
		const { body } = await k.control('POST', `/payment-links/${orderId}/complete`, { status: 'fulfilled' });
		expect(body.delivery.status).toBe(200);
		expect(body.payload.secret).toBe(sign('10.00', orderId));
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
		const [item] = trigger.executions[0].items;
		expect(item).toMatchObject({ event: 'paymentLink.fulfilled', kind: 'paymentLink', order_id: orderId, amount: '10.00', status: 'fulfilled', ref: 'order-1', currency: 'USD', verification: 'signature', unsignedFields: ['status', 'ref', 'currency'] });
		expect(item.secret).toBeUndefined();
		// the signed amount also as money (in the unsigned currency)
		expect(item.money).toEqual({ amount: '10', currency: 'USD', minor: 1000 });
		expect(trigger.executions[0].output('After')).toHaveLength(1);
		expect(k.state().accounts[DEMO.merchantEmail].USD).toBe('10010.00');
	});

	test('form-encoded bodies are accepted', async () => {
		await start();
		const orderId = await createLink('7.5', 'EUR');
		const { body } = await k.control('POST', `/payment-links/${orderId}/complete`, { status: 'timed_out', format: 'form' });
		expect(body.delivery.status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0].items[0]).toMatchObject({ event: 'paymentLink.timed_out', amount: '7.5', order_id: orderId });
		expect(k.state().accounts[DEMO.merchantEmail].EUR).toBe('2000.00');
	});

	test('a JSON number 10.00 is verified as written, not as 10', async () => {
		await start();
		const orderId = await createLink('10.00');
		const { body } = await k.control('POST', `/payment-links/${orderId}/complete`, { status: 'fulfilled', amountAsNumber: true });
		expect(k.sandbox.webhooks[0].payload).toContain('"amount":10.00');
		expect(body.delivery.status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0].items[0].amount).toBe('10.00');
	});

	test('raw JSON numbers: 10.00 signed as "10.00" passes, signed as "10" fails', async () => {
		await start();
		const raw = (secret) => `{"order_id":123,"amount":10.00,"status":"fulfilled","currency":"USD","secret":"${secret}"}`;
		expect((await post(trigger.url(), raw(sign('10', '123')))).status).toBe(401);
		expect((await post(trigger.url(), raw(sign('10.00', '123')))).status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0].items[0]).toMatchObject({ order_id: '123', amount: '10.00' });
	});

	test('forged and tampered webhooks get 401 and start nothing', async () => {
		await start();
		const genuine = { order_id: 'pl-9', amount: '10.00', status: 'fulfilled', ref: 'r', currency: 'USD', secret: sign('10.00', 'pl-9') };
		const attempts = [
			{ ...genuine, amount: '100.00' },
			{ ...genuine, order_id: 'pl-10' },
			{ ...genuine, secret: sign('10.00', 'pl-9', 'another-key') },
			{ ...genuine, secret: sign('10.00', 'pl-9', DEMO.apiKey, 'another-secret') },
			{ ...genuine, amount: '10' },
			{ ...genuine, secret: undefined },
			{ ...genuine, secret: 'x' },
		];
		for (const payload of attempts) {
			const response = await post(trigger.url(), JSON.parse(JSON.stringify(payload)));
			expect(response.status).toBe(401);
		}
		const form = await post(trigger.url(), { ...genuine, amount: '10' }, { format: 'form' });
		expect(form.status).toBe(401);
		// "10" is accepted when it was signed as "10"
		const ten = await post(trigger.url(), { ...genuine, amount: '10', secret: sign('10', 'pl-9') });
		expect(ten.status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0].items[0].amount).toBe('10');
	});

	test('a redelivery is acknowledged without a second run; event selection filters', async () => {
		await start({ events: ['paymentLink.fulfilled'] });
		const payload = { order_id: 'pl-5', amount: '3.00', status: 'fulfilled', currency: 'USD', secret: sign('3.00', 'pl-5') };
		expect((await post(trigger.url(), payload)).status).toBe(200);
		expect((await post(trigger.url(), payload)).status).toBe(200);
		const timedOut = { ...payload, order_id: 'pl-6', status: 'timed_out', secret: sign('3.00', 'pl-6') };
		expect((await post(trigger.url(), timedOut)).status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.responses.map((r) => r.status)).toEqual([200, 200, 200]);
	});

	test('a genuine webhook replayed with another (unsigned) status does not run again', async () => {
		await start();
		const timedOut = { order_id: 'pl-7', amount: '9.99', status: 'timed_out', currency: 'USD', secret: sign('9.99', 'pl-7') };
		expect((await post(trigger.url(), timedOut)).status).toBe(200);
		expect((await post(trigger.url(), { ...timedOut, status: 'fulfilled' })).status).toBe(200);
		await trigger.settle();
		expect(trigger.executions.map((e) => e.items[0].status)).toEqual(['timed_out']);
	});

	test('something that is not a Kazawallet webhook gets 400', async () => {
		await start();
		expect((await post(trigger.url(), { hello: 'world' })).status).toBe(400);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(0);
	});
});

describe('card, withdrawal and deposit webhooks', () => {
	async function issueCard() {
		const result = await k.run({ resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email: 'alice@example.com', amount: '25.00', cardType: 'basic' });
		return result.items[0].card.id;
	}

	test('card events are confirmed with Kazawallet and carry code names', async () => {
		await start();
		const cardId = await issueCard();
		await k.run({ resource: 'card', operation: 'topUp', idempotencyKey: 'test-card-topUp', cardId, amount: '10.00' }); // sends CC_RECHARGE
		await deliveries(1);
		await k.control('POST', `/cards/${cardId}/spend`, { amount: '4.20', merchantName: 'Books' }); // CC_CONSUME
		await deliveries(2);
		expect(k.sandbox.webhooks.map((w) => w.status)).toEqual([200, 200]);
		expect(trigger.executions).toHaveLength(2);
		expect(trigger.executions[0].items[0]).toMatchObject({ event: 'CC_RECHARGE', kind: 'card', cardId, amount: '10.00', status: 1, statusName: 'Successful', type: 1, typeName: 'Recharge / Mortgage', direction: 1, directionName: 'Income', verification: 'lookup' });
		expect(trigger.executions[1].items[0]).toMatchObject({ event: 'CC_CONSUME', amount: '4.20', typeName: 'Consumption', directionName: 'Expense', merchantName: 'Books' });
		expect(k.count({ path: '/wallet-cards/get-transactions' })).toBe(2);
	});

	test('an unconfirmed card event gets 403 and starts nothing; a redelivery runs once', async () => {
		await start();
		const cardId = await issueCard();
		const forged = { event: 'CC_REFUND', cardId, details: { id: 'ct-999999', amount: '500.00', currency: 'USD', type: 3, status: 1, direction: 1, transactionAt: Date.now() } };
		expect((await post(trigger.url(), forged)).status).toBe(403);
		expect((await post(trigger.url(), { ...forged, cardId: 'kc-unknown' })).status).toBe(403);
		await k.control('POST', `/cards/${cardId}/spend`, { amount: '1.00' });
		await deliveries(1);
		const genuine = k.sandbox.webhooks[0].payload;
		expect((await post(trigger.url(), genuine)).status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
	});

	test('without confirmation, card events are taken on the URL alone and marked verification "none"', async () => {
		await start({ options: { confirmCardEvents: false } });
		const response = await post(trigger.url(), { event: 'CC_CONSUME', cardId: 'kc-1', details: { id: 'ct-1', amount: '2.00', currency: 'USD', status: 2, type: 2, direction: 2, cardNumber: '4111111111114242', cvv: '123' } });
		expect(response.status).toBe(200);
		await trigger.settle();
		expect(trigger.executions[0].items[0]).toMatchObject({ statusName: 'Failed', verification: 'none', cardNumber: expect.stringMatching(/^\*+4242$/) });
		expect(JSON.stringify(trigger.executions[0].items[0])).not.toContain('123"');
		expect(k.count()).toBe(0);
	});

	test('withdrawal and deposit webhooks after settlement', async () => {
		await start({ events: ['withdrawal', 'deposit'] });
		const withdrawal = await k.run({ resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: 'alice@example.com', currency: 'USD', amount: '30.00', paymentMethod: '15', methodFields: { field: [{ name: 'wallet_address', value: 'T1' }] } });
		const deposit = await k.run({ resource: 'deposit', operation: 'create', email: 'bob@example.com', currency: 'USD', amount: '8.00', paymentMethod: '15' });
		expect(k.state().accounts['alice@example.com'].USD).toBe('70.00');
		await k.control('POST', `/withdrawals/${withdrawal.items[0].response.withdrawal.id}/settle`, { status: 'rejected' });
		await k.control('POST', `/deposits/${deposit.items[0].transactionId}/settle`, { status: 'completed' });
		await trigger.settle();
		// neither signed nor confirmable: every item says so
		expect(trigger.executions.map((e) => e.items[0])).toMatchObject([
			{ event: 'withdrawal', kind: 'withdrawal', status: 'rejected', amount: '30.00', transactionId: withdrawal.items[0].response.withdrawal.id, verification: 'none' },
			{ event: 'deposit', kind: 'deposit', status: 'completed', amount: '8.00', transactionId: deposit.items[0].transactionId, verification: 'none' },
		]);
		expect(k.state().accounts['alice@example.com'].USD).toBe('100.00');
		expect(k.state().accounts['bob@example.com'].USD).toBe('8.00');
		// a card event is not selected here: acknowledged, no run
		const before = k.count();
		expect((await post(trigger.url(), { event: 'CC_CONSUME', cardId: 'kc-x', details: {} })).status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(2);
		expect(k.count()).toBe(before);
	});
});

describe('3DS confirmation → Validate Code', () => {
	test('the two-node workflow validates the code once', async () => {
		await start({ events: ['3DS_CONFIRM'] }, [node('Validate Code', 'kazawallet', { resource: 'card', operation: 'validateCode' })]);
		const issued = await k.run({ resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email: 'alice@example.com', amount: '25.00', cardType: 'plus' });
		const cardId = issued.items[0].card.id;
		const { body } = await k.control('POST', `/cards/${cardId}/spend`, { amount: '6.00', threeDS: true, merchantName: 'Airline' });
		expect(body.delivery.status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
		const run = trigger.executions[0];
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({ event: '3DS_CONFIRM', cardId, amount: '6.00', merchants: 'Airline', validateCode: body.payload.details.validateCode, verification: 'lookup' });
		// the challenge has no look-up endpoint: its fields are listed as unverified
		expect(run.items[0].unverifiedFields).toEqual(expect.arrayContaining(['amount', 'merchants', 'validateCode']));
		expect(run.output('Validate Code')[0]).toMatchObject({ cardId, response: { success: true, validated: true } });
		const state = k.state();
		expect(state.challenges).toHaveLength(1);
		expect(state.challenges[0].used).toBe(true);
		expect(state.cards[0].balance).toBe('19.00');
		expect(k.requests('/wallet-cards/validate-code').map((r) => r.body)).toEqual([{ cardId, code: body.payload.details.validateCode }]);

		// Kazawallet's CC_CONSUME that follows is not selected; a redelivered 3DS_CONFIRM does not validate again.
		await deliveries(2);
		expect((await post(trigger.url(), body.payload)).status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
		expect(k.count({ path: '/wallet-cards/validate-code' })).toBe(1);
	});
});

describe('confirmation look-up failures', () => {
	test('Kazawallet unreachable while confirming: 503 so the event can be sent again, nothing started', async () => {
		await start();
		k.sandbox.injectFault({ provider: 'kazawallet', path: '/wallet-cards/get-transactions', kind: 'status', status: 500, times: 4 });
		const response = await post(trigger.url(), { event: 'CC_CONSUME', cardId: 'kc-1', details: { id: 'ct-1', amount: '1.00', currency: 'USD', type: 2, status: 1 } });
		expect(response.status).toBe(503);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(0);
		// not retried inside the webhook: Kazawallet redelivers, and every call counts against the lookup budget
		expect(k.count({ path: '/wallet-cards/get-transactions' })).toBe(1);
	});

	test('a 3DS event for a card that is not ours gets 403', async () => {
		await start();
		const response = await post(trigger.url(), { event: '3DS_CONFIRM', cardId: 'kc-404', details: { amount: '1.00', type: 'code', cardNumber: '****1234', validateCode: '123456' } });
		expect(response.status).toBe(403);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(0);
	});
});

describe('hardening found by the security suite', () => {
	async function issueCard() {
		const result = await k.run({ resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email: 'alice@example.com', amount: '25.00', cardType: 'basic' });
		return result.items[0].card.id;
	}
	async function genuineSpend(cardId, amount = '1.25') {
		const { body } = await k.control('POST', `/cards/${cardId}/spend`, { amount });
		return body.payload;
	}

	test('a genuine card transaction with any field changed, or written another way, is refused and starts nothing', async () => {
		const cardId = await issueCard();
		const genuine = await genuineSpend(cardId);
		await start(); // after the spend: the sandbox did not deliver it
		const refused = async (details, event = genuine.event) => {
			const response = await post(trigger.url(), { ...genuine, event, details: { ...genuine.details, ...details } });
			if (response.status !== 400 && response.status !== 403) throw new Error(`not refused (${response.status}): ${JSON.stringify(details)}`);
			return response;
		};
		// other values: 403 after the look-up (or 400 when the event contradicts itself)
		for (const change of [{ amount: '125.00' }, { status: 7 }, { direction: 1 }, { currency: 'EUR' }, { transactionAt: genuine.details.transactionAt + 60000 }, { cardNumber: '****0000' }]) {
			const response = await refused(change);
			expect(response.body.error).toMatch(/does not match Kazawallet's record/);
		}
		// the same values written another way: amount with a sign, exponent, spaces, extra decimals, a comma, a
		// leading zero or as a JSON number; a type or status as text; a time in seconds or ISO; event name spelling
		for (const change of [
			{ amount: '+1.25' }, { amount: '-1.25' }, { amount: '1.25e0' }, { amount: '125e-2' }, { amount: ' 1.25' }, { amount: '1.25 ' },
			{ amount: '1.250' }, { amount: '1,25' }, { amount: '01.25' }, { amount: 1.25 }, { amount: '1.25 USD' },
			{ type: 'Consumption' }, { type: '2 ' }, { type: 2.0000001 }, { status: 'Successful' }, { status: '01' }, { status: true },
			{ currency: 'usd' }, { transactionAt: Math.floor(genuine.details.transactionAt / 1000) }, { transactionAt: new Date(genuine.details.transactionAt).toISOString() },
		]) {
			await refused(change);
		}
		for (const event of ['cc_consume', 'CC_CONSUME ', 'CC_REFUND', 'CC_RECHARGE']) {
			const response = await post(trigger.url(), { ...genuine, event });
			if (response.status !== 400 && response.status !== 403) throw new Error(`not refused (${response.status}): event ${event}`);
		}
		await trigger.settle();
		expect(trigger.executions).toHaveLength(0);
		// the genuine event still runs once
		expect((await post(trigger.url(), genuine)).status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0].items[0]).toMatchObject({ event: 'CC_CONSUME', amount: '1.25', verification: 'lookup' });
	});

	test('a replay that drops fields is still a repeat (the key is built from the record)', async () => {
		const cardId = await issueCard();
		const genuine = await genuineSpend(cardId);
		await start();
		expect((await post(trigger.url(), genuine)).status).toBe(200);
		const { transactionAt, merchantName, direction, ...fewer } = genuine.details;
		expect((await post(trigger.url(), { ...genuine, details: fewer })).status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
	});

	test('a settled (POSTED) transaction cannot be forged once more', async () => {
		const cardId = await issueCard();
		const genuine = await genuineSpend(cardId);
		await start();
		expect((await post(trigger.url(), genuine)).status).toBe(200);
		await trigger.settle();
		// the transaction settles: Kazawallet sends no webhook for status 4
		const transaction = k.raw().cards[0].transactions.find((t) => t.id === genuine.details.id);
		transaction.status = 4;
		const before = k.count();
		// an event saying 4 is refused before any look-up; the old event no longer matches the record
		expect((await post(trigger.url(), { ...genuine, details: { ...genuine.details, status: 4 } })).status).toBe(400);
		expect(k.count()).toBe(before);
		expect((await post(trigger.url(), genuine)).status).toBe(403);
		expect((await post(trigger.url(), { ...genuine, details: { ...genuine.details, status: '4' } })).status).toBe(400);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
	});

	test("a card's newest transaction is found past the first page of its transactions", async () => {
		const cardId = await issueCard();
		k.raw().pageSize = 2;
		for (let i = 0; i < 4; i++) await genuineSpend(cardId, '0.50');
		const newest = await genuineSpend(cardId, '0.75'); // the 6th transaction: page 3 (the last)
		await start();
		expect((await post(trigger.url(), newest)).status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0].items[0]).toMatchObject({ event: 'CC_CONSUME', amount: '0.75', verification: 'lookup' });
		expect(k.count({ path: '/wallet-cards/get-transactions' })).toBe(2); // page 1, then the last page
	});

	test('one forged card event costs at most 3 provider calls; over the budget it gets 503', async () => {
		const cardId = await issueCard();
		k.raw().pageSize = 1;
		for (let i = 0; i < 20; i++) await genuineSpend(cardId, '0.10'); // 21 pages of transactions
		for (let i = 0; i < 20; i++) await k.run({ resource: 'card', operation: 'issue', idempotencyKey: `amp-${i}`, email: 'alice@example.com', amount: '1.00', cardType: 'basic' }); // 21 pages of cards
		await start();
		const cases = [
			// a transaction id that does not exist: page 1, the last page, the one before; then 503
			{ event: 'CC_REFUND', cardId, details: { id: 'ct-999999', amount: '0.10', currency: 'USD', type: 3, status: 1, direction: 1 } },
			// no card id: the card list would have to be read to the end to find the card by its last four digits
			{ event: 'CC_CONSUME', details: { id: 'ct-1', amount: '0.10', currency: 'USD', type: 2, status: 1, cardNumber: '****0000' } },
			{ event: '3DS_CONFIRM', details: { amount: '0.10', transactionCurrency: 'USD', type: 'code', cardNumber: '****0000', validateCode: '123456' } },
		];
		for (const forged of cases) {
			const before = k.count();
			const response = await post(trigger.url(), forged);
			expect(response.status).toBe(503);
			expect(response.headers.get('retry-after')).toBe('60');
			expect(k.count() - before).toBeLessThanOrEqual(3);
		}
		// cheap checks come first: a malformed event costs no call at all
		const before = k.count();
		for (const forged of [
			{ event: 'CC_REFUND', cardId, details: { id: 'ct-1', amount: '1e3', currency: 'USD', type: 3, status: 1 } },
			{ event: 'CC_REFUND', cardId: '../admin', details: { id: 'ct-1', amount: '1.00', currency: 'USD', type: 3, status: 1 } },
			{ event: 'CC_REFUND', cardId, details: { id: 'ct-1', amount: '1.00', currency: 'USD', type: 2, status: 1 } },
			{ event: 'CC_CONSUME', cardId, details: { id: 'ct-1', amount: '1.00', currency: 'USD', type: 2, status: 4 } },
			{ event: '3DS_CONFIRM', cardId, details: { amount: '1.00', type: 'code' } },
		]) {
			expect((await post(trigger.url(), forged)).status).toBe(400);
		}
		expect(k.count()).toBe(before);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(0);
	});

	test('an oversized body gets 413 and a withdrawal or deposit without a transaction id 400', async () => {
		await start();
		const big = await post(trigger.url(), { type: 'withdrawal', transaction_id: 'wd-1', status: 'completed', padding: 'x'.repeat(2 * 1024 * 1024) });
		expect(big.status).toBe(413);
		expect((await post(trigger.url(), { type: 'withdrawal', status: 'completed', amount: '1.00' })).status).toBe(400);
		expect((await post(trigger.url(), { type: 'deposit', status: 'completed' }, { format: 'form' })).status).toBe(400);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(0);
		expect((await post(trigger.url(), { type: 'withdrawal', transaction_id: 'wd-1', status: 'completed' })).status).toBe(200);
		await trigger.settle();
		expect(trigger.executions).toHaveLength(1);
	});
});
