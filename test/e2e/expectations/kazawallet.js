'use strict';
// Kazawallet examples' assertions (format: ../expectations.js).
//
// Kazawallet's side is the sandbox: links and cards are created through its API over HTTP (as the shop's
// backend or the example does), and the webhooks are sent by the sandbox itself through its /_control
// endpoints (a link paid or timed out, a card payment asking for 3DS), signed as Kazawallet signs them.

const kazawallet = require('../../../sandbox/providers/kazawallet');

const { DEMO, webhookSecret } = kazawallet;
const ORDER = { id: 'order-5001', amount: '25.00', currency: 'USD', customerEmail: 'alice@example.com' };

/** A call to the sandbox's Kazawallet API over HTTP with the demo credential (the payment link: key only). */
async function kazawalletApi(sandbox, method, path, body, { keyOnly = false } = {}) {
	const headers = { 'content-type': 'application/json', 'x-api-key': DEMO.apiKey };
	if (!keyOnly) Object.assign(headers, { 'x-api-secret': DEMO.apiSecret, 'merchant-email': DEMO.merchantEmail });
	const response = await fetch(`${sandbox.baseUrl}/kazawallet${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const json = await response.json();
	if (!response.ok || json.success === false) throw new Error(`Kazawallet sandbox ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
	return json;
}

const snapshot = (sandbox) => kazawallet.snapshot(sandbox.state('kazawallet'));
const merchantUsd = (sandbox) => snapshot(sandbox).accounts[DEMO.merchantEmail].USD;
const plus = (decimal, add) => (Number(decimal) + Number(add)).toFixed(2);
const notRun = (execution, node) => expect(Object.keys(execution.data.resultData.runData)).not.toContain(node);

/** Output jsons of a node in a run (IRun from `n8n execute`). */
const runItems = (run, node) => run.data.resultData.runData[node][0].data.main[0].map((item) => item.json);

/** Waits until the sandbox delivered a webhook matching `wanted` (e.g. one it sends after a call). */
async function webhookDelivered(sandbox, wanted) {
	for (let i = 0; i < 100; i++) {
		const found = sandbox.webhooks.find(wanted);
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('the sandbox sent no such webhook');
}

/**
 * The order's payment link is paid: the link is created through the action example (examples.e2e.js passes
 * `execute`; queue-mode.e2e.js does not, then the shop's backend creates it over the API), the sandbox's
 * webhook URL is set to the trigger's, and the sandbox marks the link paid and sends its signed webhook.
 * Sent again without a sandbox reset (queue mode's de-duplication check): Kazawallet redelivers the same webhook.
 */
async function payTheOrderLink({ sandbox, url, control, execute }) {
	const earlier = sandbox.webhooks.find((w) => w.url === url && w.payload && w.payload.ref === ORDER.id && w.payload.status === 'fulfilled');
	if (earlier) return control('/kazawallet/notify', { url, payload: earlier.payload });
	const merchantUsdBefore = merchantUsd(sandbox);
	let orderId;
	if (execute) {
		const run = await execute('exKzwPayLink01');
		[{ order_id: orderId }] = runItems(run, 'Create payment link');
		expect(runItems(run, 'Link to send to the customer')).toEqual([expect.objectContaining({ orderId: ORDER.id, paymentUrl: expect.stringContaining(orderId) })]);
	} else {
		({ order_id: orderId } = await kazawalletApi(sandbox, 'POST', '/createPaymentLink', { amount: ORDER.amount, currency: ORDER.currency, email: DEMO.merchantEmail, ref: ORDER.id }, { keyOnly: true }));
	}
	expect(snapshot(sandbox).paymentLinks.find((link) => link.order_id === orderId)).toMatchObject({ status: 'pending', ref: ORDER.id, amount: ORDER.amount });
	await control('/kazawallet/webhook-url', { url });
	const { delivery } = await control(`/kazawallet/payment-links/${orderId}/complete`, { status: 'fulfilled' });
	return { ...delivery, orderId, merchantUsdBefore, viaExample: Boolean(execute) };
}

/**
 * Another link of the shop, created over the API and ended by the sandbox (`status`, `format`,
 * `amountAsNumber` as its control endpoint takes them). Link ids restart at pl-1001 after each sandbox
 * reset while n8n rightly remembers the links it already saw, so this link gets an id of its own
 * (from its order number: order-5002 → pl-50021).
 */
async function endAnotherLink({ sandbox, url, control }, { ref, amount, status, ...options }) {
	sandbox.state('kazawallet').sequence = Number(ref.replace(/\D/g, '')) * 10;
	const merchantUsdBefore = merchantUsd(sandbox);
	const { order_id: orderId } = await kazawalletApi(sandbox, 'POST', '/createPaymentLink', { amount, currency: 'USD', email: DEMO.merchantEmail, ref }, { keyOnly: true });
	await control('/kazawallet/webhook-url', { url });
	const { delivery } = await control(`/kazawallet/payment-links/${orderId}/complete`, { status, ...options });
	return { ...delivery, orderId, merchantUsdBefore };
}

/** A payment-link webhook as Kazawallet's fields, signed over (amount, order id) with the given key pair. */
const linkWebhook = ({ orderId = 'pl-9001', signedAmount = '25.00', amount = signedAmount, apiKey = DEMO.apiKey, apiSecret = DEMO.apiSecret } = {}) => ({
	order_id: orderId,
	secret: webhookSecret(signedAmount, orderId, apiKey, apiSecret),
	amount,
	ref: ORDER.id,
	status: 'fulfilled',
	currency: 'USD',
});

/** A card of the demo user issued over the API (create-then-topup: 5.00 fee + the top-up from the merchant). */
async function issueCard(sandbox, amount = '50.00') {
	const { card } = await kazawalletApi(sandbox, 'POST', '/wallet-cards/create-then-topup', { email: 'alice@example.com', amount, cardType: 'basic' });
	return card;
}

/**
 * A card payment at a shop asks for 3DS: the sandbox sends 3DS_CONFIRM with the code to the trigger.
 * Sent again without a sandbox reset (queue mode): Kazawallet redelivers the same 3DS_CONFIRM.
 */
async function cardPaymentAsks3ds({ sandbox, url, control }) {
	const earlier = sandbox.webhooks.find((w) => w.url === url && w.payload && w.payload.event === '3DS_CONFIRM');
	if (earlier) return control('/kazawallet/notify', { url, payload: earlier.payload });
	const card = await issueCard(sandbox);
	await control('/kazawallet/webhook-url', { url });
	const { delivery } = await control(`/kazawallet/cards/${card.id}/spend`, { amount: '12.34', merchantName: 'Corner Coffee', threeDS: true });
	return { ...delivery, cardId: card.id, cardNumber: card.cardNumber, code: delivery.payload.details.validateCode };
}

module.exports = {
	// The editor's calls (test/e2e/examples.e2e.js): what each Kazawallet dropdown and list needs.
	listSearch: {
		// the Card locator lists the merchant's cards: one is issued first
		searchCards: {
			parameters: async ({ sandbox }) => {
				await kazawalletApi(sandbox, 'POST', '/wallet-cards/create-then-topup', { email: 'alice@example.com', amount: '5.00', cardType: 'basic' });
				return {};
			},
		},
		// the documented ids of the credential's environment (reference, "Payment Methods"): Kazawallet has
		// no endpoint that lists payment methods
		getPaymentMethods: { fromReference: 'the payment method ids per environment are the reference\'s table' },
		// the fields of one payment method (a development id: the sandbox credential uses development ids)
		getPaymentMethodFields: { parameters: { paymentMethod: '15' } },
	},

	// examples/kazawallet-payment-link-for-order.json
	exKzwPayLink01: {
		check({ nodeItems, lastNodeItems, sandbox }) {
			const [link] = nodeItems('Create payment link');
			expect(link).toMatchObject({ order_id: expect.stringMatching(/^pl-\d+$/), amount: ORDER.amount, currency: ORDER.currency, ref: ORDER.id });
			expect(link.url).toBe(`https://pay.kazawallet.test/link/${link.order_id}`);
			expect(lastNodeItems).toEqual([
				{
					orderId: ORDER.id,
					customerEmail: ORDER.customerEmail,
					paymentUrl: link.url,
					kazawalletOrderId: link.order_id,
					amount: ORDER.amount,
					currency: ORDER.currency,
					paymentStatus: 'awaiting payment',
				},
			]);
			// the sandbox: one link, created once, with the API key only, for the order; no money moved yet
			expect(sandbox.count({ provider: 'kazawallet', method: 'POST', path: '/createPaymentLink' })).toBe(1);
			expect(snapshot(sandbox).paymentLinks).toEqual([
				expect.objectContaining({
					order_id: link.order_id,
					amount: '25.00',
					currency: 'USD',
					ref: ORDER.id,
					redirectUrl: `https://shop.example/orders/${ORDER.id}/thanks`,
					status: 'pending',
					headers: { secretSent: false, emailSent: false },
				}),
			]);
			expect(merchantUsd(sandbox)).toBe('10000.00');
		},
	},

	// examples/kazawallet-payment-link-paid-marks-order.json
	exKzwLinkPaid01: {
		signed: [
			{
				name: 'the link created by the payment-link example is paid: the sandbox signs its webhook and the order is marked paid',
				send: payTheOrderLink,
				check({ nodeItems, execution, delivery, sandbox }) {
					expect(delivery.status).toBe(200);
					expect(JSON.parse(delivery.response)).toEqual({ received: true });
					const [trigger] = nodeItems('Kazawallet Trigger');
					expect(trigger).toMatchObject({ event: 'paymentLink.fulfilled', kind: 'paymentLink', verification: 'signature', order_id: delivery.orderId, ref: ORDER.id, amount: '25.00', currency: 'USD', status: 'fulfilled' });
					expect(trigger.secret).toBeUndefined();
					expect(nodeItems('Mark order as paid')).toEqual([
						expect.objectContaining({ orderId: ORDER.id, paymentStatus: 'paid', amount: '25.00', currency: 'USD', provider: 'kazawallet', kazawalletOrderId: delivery.orderId }),
					]);
					notRun(execution, 'Mark link expired');
					// the sandbox: the link is paid and the merchant credited once
					expect(snapshot(sandbox).paymentLinks.filter((link) => link.ref === ORDER.id && link.status === 'fulfilled')).toHaveLength(1);
					expect(merchantUsd(sandbox)).toBe(plus(delivery.merchantUsdBefore, '25.00'));
					if (delivery.viaExample) expect(sandbox.count({ provider: 'kazawallet', method: 'POST', path: '/createPaymentLink' })).toBe(1);
				},
			},
			{
				name: 'a link that timed out (webhook form-encoded) takes the "expired" branch',
				send: (context) => endAnotherLink(context, { ref: 'order-5002', amount: '40.00', status: 'timed_out', format: 'form' }),
				check({ nodeItems, execution, delivery, sandbox }) {
					expect(delivery.status).toBe(200);
					expect(delivery.format).toBe('form');
					expect(nodeItems('Kazawallet Trigger')).toEqual([expect.objectContaining({ event: 'paymentLink.timed_out', order_id: delivery.orderId, ref: 'order-5002', amount: '40.00', verification: 'signature' })]);
					expect(nodeItems('Mark link expired')).toEqual([expect.objectContaining({ orderId: 'order-5002', paymentStatus: 'link expired', kazawalletOrderId: delivery.orderId })]);
					notRun(execution, 'Mark order as paid');
					expect(merchantUsd(sandbox)).toBe(delivery.merchantUsdBefore);
				},
			},
			{
				name: 'a paid link whose webhook writes the amount as a JSON number (10.00) is verified as sent',
				send: (context) => endAnotherLink(context, { ref: 'order-5003', amount: '10.00', status: 'fulfilled', amountAsNumber: true }),
				check({ nodeItems, delivery, sandbox }) {
					expect(delivery.status).toBe(200);
					expect(delivery.payload).toContain('"amount":10.00,');
					expect(nodeItems('Mark order as paid')).toEqual([expect.objectContaining({ orderId: 'order-5003', paymentStatus: 'paid', amount: '10.00', kazawalletOrderId: delivery.orderId })]);
					expect(merchantUsd(sandbox)).toBe(plus(delivery.merchantUsdBefore, '10.00'));
				},
			},
		],
		forged: [
			{
				name: 'a genuine signature with a tampered amount (25.00 signed, 2.50 sent) is refused with 401',
				send: ({ url, control }) => control('/kazawallet/notify', { url, payload: linkWebhook({ signedAmount: '25.00', amount: '2.50' }) }),
			},
			{
				name: 'a webhook signed with the wrong API secret is refused with 401',
				send: ({ url, control }) => control('/kazawallet/notify', { url, payload: linkWebhook({ apiSecret: 'kz_someone_elses_secret' }) }),
			},
			{
				name: 'a webhook signed with another API key is refused with 401',
				send: ({ url, control }) => control('/kazawallet/notify', { url, payload: linkWebhook({ apiKey: 'kz_other_merchant_key' }) }),
			},
			{
				name: 'an unsigned payment-link webhook is refused with 401',
				send: ({ url, control }) => {
					const { secret, ...unsigned } = linkWebhook();
					return control('/kazawallet/notify', { url, payload: unsigned });
				},
			},
		],
	},

	// examples/kazawallet-card-3ds-validate-code.json
	exKzw3dsConfirm01: {
		signed: [
			{
				name: 'a card payment asking for 3DS: the sandbox sends 3DS_CONFIRM and the workflow validates the code once',
				send: cardPaymentAsks3ds,
				async check({ nodeItems, delivery, sandbox }) {
					expect(delivery.status).toBe(200);
					const [trigger] = nodeItems('Kazawallet Trigger');
					expect(trigger).toMatchObject({ event: '3DS_CONFIRM', kind: 'card', cardId: delivery.cardId, validateCode: delivery.code, verification: 'lookup', amount: '12.34', merchants: 'Corner Coffee' });
					expect(trigger.cardNumber).toMatch(/^\*+\d{4}$/);
					expect(nodeItems('Validate 3DS code')).toEqual([expect.objectContaining({ cardId: delivery.cardId, response: expect.objectContaining({ success: true, validated: true }) })]);
					// the sandbox: the code was sent once and accepted once, and the payment went through
					expect(sandbox.count({ provider: 'kazawallet', method: 'POST', path: '/wallet-cards/validate-code' })).toBe(1);
					const challenges = snapshot(sandbox).challenges.filter((c) => c.cardId === delivery.cardId);
					expect(challenges).toEqual([expect.objectContaining({ code: delivery.code, used: true, acceptedAt: expect.any(String), amount: '12.34' })]);
					const card = snapshot(sandbox).cards.find((c) => c.id === delivery.cardId);
					expect(card.balance).toBe('37.66');
					expect(card.transactions.filter((t) => t.type === 2 && t.amount === '12.34')).toHaveLength(1);
					// Kazawallet then reports the payment (CC_CONSUME) to the same URL: acknowledged, no second run
					// (the suite asserts exactly one execution; CC_CONSUME is not among the trigger's events)
					const consume = await webhookDelivered(sandbox, (w) => w.url === delivery.url && w.payload && w.payload.event === 'CC_CONSUME' && w.payload.cardId === delivery.cardId);
					expect(consume.status).toBe(200);
				},
			},
		],
		forged: [
			{
				name: 'a 3DS_CONFIRM for a card that is not the merchant\'s is refused with 403 (looked up with Kazawallet)',
				status: 403,
				send: ({ url, control }) =>
					control('/kazawallet/notify', {
						url,
						payload: { event: '3DS_CONFIRM', cardId: 'kc-999999', details: { amount: '12.34', type: 'code', cardNumber: '****0000', merchants: 'Corner Coffee', transactionCurrency: 'USD', transactionDate: Date.now(), validateCode: '123456' } },
					}),
			},
			{
				name: 'a 3DS_CONFIRM naming a real card with another card number is refused with 403',
				status: 403,
				async send({ sandbox, url, control }) {
					const card = await issueCard(sandbox);
					const other = card.cardNumber.slice(-4) === '9999' ? '****1111' : '****9999';
					return control('/kazawallet/notify', {
						url,
						payload: { event: '3DS_CONFIRM', cardId: card.id, details: { amount: '12.34', type: 'code', cardNumber: other, merchants: 'Corner Coffee', transactionCurrency: 'USD', transactionDate: Date.now(), validateCode: '654321' } },
					});
				},
			},
		],
	},
};
