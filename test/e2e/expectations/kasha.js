'use strict';
// Kasha examples' assertions (format: ../expectations.js).

const crypto = require('crypto');
const { DEMO, notificationOf } = require('../../../sandbox/providers/kasha');

const UNIT = 1e8; // the Kasha sandbox keeps amounts in 1e-8 units
const GBP_START = 50_000 * UNIT;
const TEST_CARDS = ['4111111111111111', '4000000000009995', '4000000000000069'];
const OUTCOME_WEBHOOK_ID = '3c9b7f1e-5a2d-4e8b-b6f0-2d4c8a1e7f01';

const transactions = (sandbox) => [...sandbox.state('kasha').transactions.values()];
const byReference = (sandbox, reference) => transactions(sandbox).find((t) => t.merchantReference === reference);
const kashaWebhooks = (sandbox) => sandbox.webhooks.filter((w) => w.provider === 'kasha');

async function waitFor(check, what, timeoutMs = 10_000) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value) return value;
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Kasha's x-signature: Base64 HMAC-SHA256 of the body with the merchant's signature key. */
const sign = (body, key = DEMO.signatureKey) => crypto.createHmac('sha256', key).update(body).digest('base64');

/** Calls the Kasha sandbox's API over HTTP with the merchant's key, signed, as a shop's backend (another process) would. */
async function kashaApi(sandbox, path, body) {
	const text = JSON.stringify(body);
	const response = await fetch(`${sandbox.baseUrl}/kasha/v2${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-api-key': DEMO.apiKey, 'x-signature': sign(text) },
		body: text,
	});
	const json = await response.json();
	if (response.status !== 200) throw new Error(`Kasha sandbox ${path}: ${response.status} ${JSON.stringify(json)}`);
	return Array.isArray(json) ? json[0] : json;
}

/** A real GB payout created in the sandbox (PENDING, nothing moved), notifying `url`. */
async function pendingPayout(sandbox, url, { reference, amount = 75.25 }) {
	const session = await kashaApi(sandbox, '/payout-options', {
		country: 'GB', currency: 'GBP', amount, redirectUrl: 'https://backoffice.example.com/payouts',
		customer: { name: 'Jane Roe' }, merchantReference: reference, notificationUrl: url,
	});
	const created = await kashaApi(sandbox, '/direct-payout', {
		sessionId: session.sessionId, paymentOptionId: session.paymentOptions[0].paymentOptionId, optionId: 'd_400',
		extraData: { name: 'Jane Roe', bankAccount: '123456-12345678' },
	});
	const transactionId = created.result.transactionId;
	expect(sandbox.state('kasha').transactions.get(transactionId).status).toBe('PENDING');
	return transactionId;
}

/** Confirms a pending payout (APPROVE / DECLINE) and returns the notification the sandbox then delivered. */
async function settleAndDeliver(sandbox, transactionId, action) {
	expect(kashaWebhooks(sandbox).filter((w) => w.payload.internalId === transactionId)).toHaveLength(0); // a PENDING payout notifies nothing
	await kashaApi(sandbox, '/settle-payout', { action, transactionId });
	return waitFor(() => kashaWebhooks(sandbox).find((w) => w.payload.internalId === transactionId), 'the Kasha notification');
}

module.exports = {
	// the editor's calls (test/e2e/examples.e2e.js): Kasha lists nothing outside a session, so each list needs one
	listSearch: {
		// the session's options come from Initiate's answer (the incoming item), not from a call to Kasha
		getSessionPaymentOptions: {
			fromReference: 'a session\'s payment options are read from Initiate\'s answer in the incoming item (Kasha has no call that lists them)',
			parameters: {
				sessionPaymentOptions: JSON.stringify([{ paymentOptionId: 'e2e-card-option-0000000000000001', name: 'Card' }]),
			},
		},
		// a real RU payment session in the sandbox, whose Online Banking option has banks
		searchPaymentSubOptions: {
			async parameters({ sandbox }) {
				const session = await kashaApi(sandbox, '/payment-options', {
					country: 'RU', currency: 'RUB', amount: 500, language: 'EN', redirectUrl: 'https://shop.example.com/done', customer: { name: 'E2E Editor' },
				});
				return { sessionId: session.sessionId, sessionPaymentOptions: JSON.stringify(session.paymentOptions), paymentOption: 'Online Banking' };
			},
		},
		// a real GB payout session, whose Bank Transfer option has a sub-option
		searchPayoutSubOptions: {
			async parameters({ sandbox }) {
				const session = await kashaApi(sandbox, '/payout-options', {
					country: 'GB', currency: 'GBP', amount: 75.25, redirectUrl: 'https://backoffice.example.com/payouts', customer: { name: 'E2E Editor' },
				});
				return { sessionId: session.sessionId, sessionPaymentOptions: JSON.stringify(session.paymentOptions), paymentOption: 'Bank Transfer' };
			},
		},
	},

	// examples/kasha-card-payments-decline-branch.json
	exKashaCardPay01: {
		check({ run, nodeItems, sandbox }) {
			const { runData } = run.data.resultData;
			const [success, error] = runData['Kasha Pay'][0].data.main.map((items) => (items || []).map((item) => item.json));
			// the approved order on the success output, the two declines on the error output with Kasha's codes
			expect(success.map((item) => [item.merchantReference, item.idempotencyKey, item.response.statusCode, item.response.resultType, item.card, item.money])).toEqual([
				['order-1001', 'order-1001', '000', 'success', { number: '************1111', last4: '1111', cardholder: 'Ada Lovelace' }, { amount: '25', currency: 'GBP', minor: 2500 }],
			]);
			expect(error.map((item) => [item.orderId, item.details.errorCode, item.details.errorStatus, item.details.errorReason])).toEqual([
				['order-1002', '3000', 'DECLINED', 'Insufficient card funds.'],
				['order-1003', '3007', 'DECLINED', 'Card expired.'],
			]);
			expect(nodeItems('Order paid')).toEqual([
				{ orderId: 'order-1001', paymentStatus: 'paid', amount: '25.00', currency: 'GBP', kashaTransactionId: success[0].transactionId, cardLast4: '1111' },
			]);
			expect(nodeItems('Order declined')).toEqual([
				expect.objectContaining({ orderId: 'order-1002', paymentStatus: 'declined', kashaCode: '3000', kashaStatus: 'DECLINED', reason: 'Insufficient card funds.' }),
				expect.objectContaining({ orderId: 'order-1003', paymentStatus: 'declined', kashaCode: '3007', kashaStatus: 'DECLINED', reason: 'Card expired.' }),
			]);
			expect(nodeItems('Order declined')[0].message).toContain('declined 3000');

			// the sandbox: each order paid exactly once, the balance credited for the approved one only
			expect(sandbox.count({ provider: 'kasha', method: 'POST', path: '/v2/payment-options' })).toBe(3);
			expect(sandbox.count({ provider: 'kasha', method: 'POST', path: '/v2/direct-payment' })).toBe(3);
			const state = sandbox.state('kasha');
			expect(state.balances.GBP).toBe(GBP_START + 25 * UNIT);
			expect(['order-1001', 'order-1002', 'order-1003'].map((reference) => {
				const t = byReference(sandbox, reference);
				return [t.status, t.errors && t.errors.code, t.method, t.paymentAmount];
			})).toEqual([
				['COMPLETED', undefined, 'Card', 25],
				['DECLINED', '3000', 'Card', 40],
				['DECLINED', '3007', 'Card', 12.5],
			]);
			expect(byReference(sandbox, 'order-1001').id).toBe(success[0].transactionId);

			// no card number in any node's output (nor the sandbox's stored transactions)
			const everything = JSON.stringify(runData);
			for (const number of TEST_CARDS) expect(everything).not.toContain(number);
			expect(everything).not.toContain('cardcvv');
			for (const number of TEST_CARDS) expect(JSON.stringify(transactions(sandbox))).not.toContain(number);
		},
	},

	// examples/kasha-payouts-wait-for-approval.json
	exKashaPayoutAppr01: {
		async check({ nodeItems, sandbox }) {
			const created = nodeItems('Create payout');
			expect(created.map((item) => [item.response.resultType, item.paymentOptionName, item.optionId])).toEqual([
				['success', 'Bank Transfer', 'd_400'],
				['success', 'Bank Transfer', 'd_400'],
			]);
			const [jane, omar] = created.map((item) => item.transactionId);
			// created PENDING: Kasha's own status before anything was confirmed
			expect(nodeItems('Check status').map((item) => [item.id, item.status, item.type, item.paymentAmount])).toEqual([
				[jane, 'PENDING', 'payout', 75.25],
				[omar, 'PENDING', 'payout', 1250],
			]);
			// the small one approved (Confirm APPROVE), the large one left for a manager
			expect(nodeItems('Approve payout')).toEqual([expect.objectContaining({ action: 'APPROVE', transactionId: jane, status: 'PROCESSING' })]);
			const [submitted] = nodeItems('Payout submitted');
			expect(submitted).toMatchObject({ payee: 'Jane Roe', amount: '75.25', currency: 'GBP', kashaTransactionId: jane, status: 'PROCESSING' });
			expect(submitted.reference).toMatch(/^payout-\d{14}-jane$/);
			expect(nodeItems('Payout submitted')).toHaveLength(1);
			expect(nodeItems('Awaiting manual approval')).toEqual([
				expect.objectContaining({ payee: 'Omar Haddad', amount: '1250.00', kashaTransactionId: omar, status: 'PENDING' }),
			]);

			// the sandbox: two payouts created, one confirmed once; money moved once, for the approved one only
			expect(sandbox.count({ provider: 'kasha', method: 'POST', path: '/v2/direct-payout' })).toBe(2);
			expect(sandbox.count({ provider: 'kasha', method: 'POST', path: '/v2/settle-payout' })).toBe(1);
			const state = sandbox.state('kasha');
			await waitFor(() => state.transactions.get(jane).status === 'COMPLETED', 'the approved payout to complete');
			expect(state.transactions.get(omar).status).toBe('PENDING');
			expect(state.balances.GBP).toBe(GBP_START - 75.25 * UNIT);
			expect(state.transactions.get(jane).merchantReference).toBe(submitted.reference);

			// Kasha notified the outcome once, to the "Kasha: payout outcome" workflow's production URL on this
			// n8n (not running during `n8n execute`, so the delivery itself fails here; the trigger rows below
			// prove that workflow)
			const notifications = await waitFor(() => kashaWebhooks(sandbox).length > 0 && kashaWebhooks(sandbox), 'the payout notification');
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(kashaWebhooks(sandbox)).toHaveLength(1);
			// in the predecessor API's shape (the ID in internalId), signed with the merchant's signature key
			expect(notifications[0].payload).toMatchObject({ internalId: jane, status: 'COMPLETED', type: 'payout', merchantReference: submitted.reference, paymentAmount: 75.25, currency: 'GBP' });
			expect(notifications[0].url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/webhook/${OUTCOME_WEBHOOK_ID}/notification$`));
		},
	},

	// examples/kasha-payout-outcome-notification.json
	exKashaPayoutDone01: {
		signed: [
			{
				name: 'an approved payout: Kasha notifies COMPLETED, signed; the trigger checks the x-signature, confirms by lookup and records the outcome',
				async send({ sandbox, url, control }) {
					// sent twice without a sandbox reset (queue-mode.e2e.js's de-duplication case), the second call is
					// Kasha delivering the same (signed) notification again
					const done = byReference(sandbox, 'payout-e2e-jane');
					if (done) return control('/kasha/notify', { url, payload: kashaWebhooks(sandbox).find((w) => w.payload.internalId === done.id).payload, signed: true });
					const transactionId = await pendingPayout(sandbox, url, { reference: 'payout-e2e-jane' });
					return settleAndDeliver(sandbox, transactionId, 'APPROVE');
				},
				check({ nodeItems, delivery, sandbox }) {
					expect(delivery.status).toBe(200);
					expect(JSON.parse(delivery.response)).toEqual({ received: true });
					const { internalId: transactionId } = delivery.payload;
					const [trigger] = nodeItems('Kasha Trigger');
					expect(trigger).toMatchObject({ transactionId, status: 'COMPLETED', type: 'payout', merchantReference: 'payout-e2e-jane', confirmed: true, verification: 'signature+lookup' });
					expect(nodeItems('Record payout outcome')).toEqual([
						{ reference: 'payout-e2e-jane', kashaTransactionId: transactionId, type: 'payout', status: 'COMPLETED', paid: true, amount: '75.25', currency: 'GBP', confirmedWithKasha: true },
					]);
					// confirmed by looking the transaction up with Kasha, once; the money moved once
					expect(sandbox.count({ provider: 'kasha', method: 'GET', path: `/v2/payments/${transactionId}` })).toBe(1);
					expect(sandbox.state('kasha').balances.GBP).toBe(GBP_START - 75.25 * UNIT);
				},
			},
			{
				name: 'a declined payout: Kasha notifies DECLINED, recorded as not paid, no money moved',
				async send({ sandbox, url }) {
					const transactionId = await pendingPayout(sandbox, url, { reference: 'payout-e2e-declined', amount: 120 });
					return settleAndDeliver(sandbox, transactionId, 'DECLINE');
				},
				check({ nodeItems, delivery, sandbox }) {
					expect(delivery.status).toBe(200);
					expect(nodeItems('Record payout outcome')).toEqual([
						expect.objectContaining({ reference: 'payout-e2e-declined', kashaTransactionId: delivery.payload.internalId, status: 'DECLINED', paid: false, amount: '120', confirmedWithKasha: true }),
					]);
					expect(sandbox.state('kasha').balances.GBP).toBe(GBP_START);
				},
			},
		],
		forged: [
			{
				name: 'an unsigned notification (true content, a real approved payout) is refused with 401 before any lookup',
				async send({ sandbox, url, control }) {
					const transactionId = await pendingPayout(sandbox, undefined, { reference: 'payout-e2e-unsigned' }); // no notification URL: only the forger's copy arrives
					await kashaApi(sandbox, '/settle-payout', { action: 'APPROVE', transactionId });
					await waitFor(() => sandbox.state('kasha').transactions.get(transactionId).status === 'COMPLETED', 'the payout to complete');
					const payload = notificationOf(sandbox.state('kasha').transactions.get(transactionId));
					const lookups = sandbox.count({ provider: 'kasha', method: 'GET' });
					const delivery = await control('/kasha/notify', { url, payload });
					expect(sandbox.count({ provider: 'kasha', method: 'GET' })).toBe(lookups);
					return delivery;
				},
				check({ delivery }) {
					expect(JSON.parse(delivery.response).error).toContain('not signed');
				},
			},
			{
				name: 'a signed notification whose body was changed after signing is refused with 401',
				async send({ url }) {
					const signedBody = JSON.stringify({ internalId: crypto.randomUUID(), status: 'DECLINED', type: 'payout' });
					const response = await fetch(url, {
						method: 'POST',
						headers: { 'content-type': 'application/json', 'x-signature': sign(signedBody) },
						body: signedBody.replace('DECLINED', 'COMPLETED'),
					});
					return { status: response.status, response: await response.text() };
				},
				check({ delivery }) {
					expect(JSON.parse(delivery.response).error).toContain('invalid x-signature');
				},
			},
			{
				name: 'a validly signed notification for a transaction Kasha does not know is still refused with 401 (lookup)',
				send: ({ url, control }) =>
					control('/kasha/notify', { url, payload: { internalId: crypto.randomUUID(), status: 'COMPLETED', type: 'payout', paymentAmount: 75.25, currency: 'GBP' }, signed: true }),
				check({ delivery }) {
					expect(JSON.parse(delivery.response).error).toContain('unknown transaction');
				},
			},
			{
				name: 'a validly signed notification claiming a still-PENDING payout COMPLETED is refused with 409 (lookup)',
				status: 409,
				async send({ sandbox, url, control }) {
					const transactionId = await pendingPayout(sandbox, url, { reference: 'payout-e2e-forged' });
					const delivery = await control('/kasha/notify', { url, payload: { internalId: transactionId, status: 'COMPLETED', type: 'payout', merchantReference: 'payout-e2e-forged', paymentAmount: 75.25, currency: 'GBP' }, signed: true });
					expect(sandbox.state('kasha').transactions.get(transactionId).status).toBe('PENDING');
					return delivery;
				},
			},
		],
	},
};
