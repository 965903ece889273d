'use strict';
const { runNode } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const { credentials, paymentSession, card, VISA_OK } = require('./helpers');

const s = useSandbox();
const kashaState = () => s.sandbox.state('kasha');
const lastRequest = (path) => s.sandbox.requests.filter((r) => r.provider === 'kasha' && r.path === path).pop();

async function initiate(overrides = {}) {
	const r = await runNode({ type: 'kasha', parameters: paymentSession(overrides), credentials: credentials(s.sandbox) });
	if (r.error) throw r.error;
	return r.items[0];
}

describe('Kasha payments', () => {
	test('initiate sends every request-table field and returns session, transaction and options', async () => {
		const r = await runNode({
			type: 'kasha',
			credentials: credentials(s.sandbox),
			parameters: paymentSession({
				customerAddress: { street: '32 Windsor Gardens', streetNumber: '24', country: 'gb', zipCode: 'W9 3RG', city: 'London', state: 'Great London' },
				identityDocument: { number: '36570630563', type: 'BRA_CPF' },
				shippingAddress: { street: 'Rua A', streetNumber: '1', country: 'BR', zipCode: '01000-000', city: 'São Paulo', state: 'SP' },
				orderDetails: { product: [{ productName: 'shirt-1233474', quantity: 2, dimensions: '85x51', description: 'Blue sports t-shirt' }] },
				additionalFields: {
					notificationUrl: 'https://n8n.example.com/webhook/x/notification', merchantReference: 'order-1', paymentReference: 'Invoice ABC123',
					userId: 'Merch_User_123', extra1: 'wallet', extra2: 'e2', extra3: 'e3', tax: '21%',
				},
			}),
		});
		expect(r.error).toBeUndefined();
		const out = r.items[0];
		expect(out.sessionId).toMatch(/^[0-9a-f-]{36}$/);
		expect(out.transactionId).toMatch(/^[0-9a-f-]{36}$/); // the sample's trailing comma is removed
		expect(out.paymentOptions.map((o) => o.name)).toEqual(['Card', 'PIX', 'Online Banking']);
		expect(out.merchantReference).toBe('order-1');
		const sent = lastRequest('/v2/payment-options').body;
		expect(sent).toEqual({
			country: 'BR', currency: 'BRL', amount: 130.5, redirectUrl: 'https://shop.example.com/done', language: 'PT',
			notificationUrl: 'https://n8n.example.com/webhook/x/notification',
			customer: {
				name: 'John Doe', phone: '+5511999999999', email: 'john@example.com', userDevice: 'MOBILE', userAgent: 'Mozilla/5.0', ip: '84.232.140.77',
				address: { street: '32 Windsor Gardens', streetNumber: '24', city: 'London', state: 'Great London', zipCode: 'W9 3RG', country: 'GB' },
				identify: { number: '36570630563', type: 'BRA_CPF' },
			},
			merchantReference: 'order-1', paymentReference: 'Invoice ABC123', userId: 'Merch_User_123', extra1: 'wallet', extra2: 'e2', extra3: 'e3', tax: '21%',
			shippingAddress: { street: 'Rua A', streetNumber: '1', city: 'São Paulo', state: 'SP', zipCode: '01000-000', country: 'BR' },
			orderDetails: [{ productName: 'shirt-1233474', quantity: 2, dimensions: '85x51', description: 'Blue sports t-shirt' }],
		});
		const session = kashaState().sessions.get(out.sessionId);
		expect(session.expiresAt - session.createdAt).toBe(30 * 60 * 1000);
		expect(kashaState().transactions.get(out.transactionId).status).toBe('CREATED');
		// the API key went in the (assumed) x-api-key header
		expect(lastRequest('/v2/payment-options').headers['x-api-key']).toBe('kasha_sandbox_key_7f3a9c');
	});

	test('hosted cashier link (pay-in) opens a session with storedToken and returns the link', async () => {
		const params = paymentSession({ operation: 'getHostedCashierLink', additionalFields: { storedToken: 'index-stored', language: 'es' } });
		delete params.language;
		const r = await runNode({ type: 'kasha', parameters: params, credentials: credentials(s.sandbox) });
		expect(r.error).toBeUndefined();
		expect(r.items[0].url).toContain(`/kasha/cashier/${r.items[0].sessionId}`);
		expect(r.items[0].resultType).toBe('redirect');
		expect(lastRequest('/v2/payment-session').body).toMatchObject({ storedToken: 'index-stored', language: 'ES', amount: 130.5 });
		expect(kashaState().sessions.get(r.items[0].sessionId).hosted).toBe(true);
	});

	test('card payment posted with the option picked by name completes and is never echoed', async () => {
		const session = await initiate({ additionalFields: { merchantReference: 'card-1' } });
		const r = await runNode({
			type: 'kasha',
			credentials: credentials(s.sandbox),
			items: [session],
			parameters: { resource: 'payment', operation: 'post', paymentOption: 'Card', card: card() },
		});
		expect(r.error).toBeUndefined();
		const out = r.items[0];
		expect(out).toMatchObject({ transactionId: session.transactionId, paymentOptionName: 'Card', sessionId: session.sessionId, card: { number: '************1111', last4: '1111' }, response: { statusCode: '000', resultType: 'success' } });
		expect(JSON.stringify(r.items)).not.toContain(VISA_OK);
		expect(JSON.stringify(r.items)).not.toContain('"123"');
		const sent = lastRequest('/v2/direct-payment').body;
		expect(sent.paymentOptionId).toBe(session.paymentOptions[0].paymentOptionId);
		expect(sent.extraData).toEqual({ cardnum: VISA_OK, expiryyear: '2031', expirymonth: '12', cardcvv: '123', cardholder: 'John Doe' });
		expect(kashaState().transactions.get(session.transactionId).status).toBe('COMPLETED');
		expect(kashaState().balances.BRL).toBe(130.5 * 1e8);
	});

	test('a session takes one payment only', async () => {
		const session = await initiate();
		const params = { resource: 'payment', operation: 'post', paymentOption: 'Card', card: card() };
		const first = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), items: [session], parameters: params });
		expect(first.error).toBeUndefined();
		const second = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), items: [session], parameters: params });
		expect(second.error.message).toContain('3017');
		expect(second.error.message).toContain('Duplicate transaction');
		expect(kashaState().balances.BRL).toBe(130.5 * 1e8); // charged once
	});

	test('a session expires after 30 minutes', async () => {
		const session = await initiate();
		kashaState().clockOffset += 30 * 60 * 1000 + 1;
		const r = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), items: [session], parameters: { resource: 'payment', operation: 'post', paymentOption: 'Card', card: card() } });
		expect(r.error.message).toContain('1000');
		expect(r.error.description).toContain('Session expired');
		expect(kashaState().transactions.get(session.transactionId).status).toBe('CREATED');
	});

	test('sub-options list banks and form inputs; the local payment stays PENDING until the customer pays', async () => {
		const session = await initiate({ country: 'RU', currency: 'RUB' });
		const sub = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), items: [session], parameters: { resource: 'payment', operation: 'getSubOptions', paymentOption: 'online banking' } });
		expect(sub.error).toBeUndefined();
		expect(sub.items[0].options.map((o) => o.name)).toContain('Alfa-Bank');
		expect(sub.items[0].formInputs[0]).toMatchObject({ name: 'phone', validations: { minLength: 11, maxLength: 18 } });
		expect(sub.items[0].paymentOptions).toHaveLength(2); // travels on to the next node
		const post = await runNode({
			type: 'kasha', credentials: credentials(s.sandbox), items: sub.items,
			parameters: { resource: 'payment', operation: 'post', paymentOption: 'Online Banking', optionId: 'b_26', methodFields: { field: [{ name: 'phone', value: '+79991234567' }] } },
		});
		expect(post.error).toBeUndefined();
		expect(post.items[0]).toMatchObject({ action: 'redirect', optionId: 'b_26', response: { statusCode: '300', resultType: 'redirect' } });
		expect(kashaState().transactions.get(session.transactionId)).toMatchObject({ status: 'PENDING', method: 'Online Banking', optionId: 'b_26' });
	});

	test('hybrid link preselects the option and sub-option', async () => {
		const session = await initiate({ country: 'RU', currency: 'RUB' });
		const r = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), items: [session], parameters: { resource: 'payment', operation: 'createHybridLink', paymentOption: 'Online Banking', optionId: 'b_24' } });
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ transactionId: session.transactionId, optionId: 'b_24', paymentOptionName: 'Online Banking', response: { statusCode: '300' } });
		expect(r.items[0].url).toContain(session.sessionId);
		expect(kashaState().sessions.get(session.sessionId).preselected).toEqual({ option: 'Online Banking', optionId: 'b_24' });
	});

	test('an option by ID through an expression, without the session list, is sent as is', async () => {
		const session = await initiate({ country: 'GB', currency: 'GBP' });
		const r = await runNode({
			type: 'kasha', credentials: credentials(s.sandbox), items: [{ sessionId: session.sessionId, id: session.paymentOptions[0].paymentOptionId }],
			parameters: { resource: 'payment', operation: 'post', paymentOption: '={{ $json.id }}', card: card() },
		});
		expect(r.error).toBeUndefined();
		expect(r.items[0].response.statusCode).toBe('000');
	});

	test('an option name the session does not offer is refused before sending', async () => {
		const session = await initiate();
		const before = s.sandbox.count({ provider: 'kasha' });
		const r = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), items: [session], parameters: { resource: 'payment', operation: 'post', paymentOption: 'Bitcoin', card: card() } });
		expect(r.error.message).toContain('Payment Option');
		expect(r.error.message).toContain('offered: Card, PIX, Online Banking');
		expect(s.sandbox.count({ provider: 'kasha' })).toBe(before);
	});

	test('refund by merchant reference refunds once and the second attempt is refused', async () => {
		const session = await initiate({ additionalFields: { merchantReference: 'refund-me' } });
		await runNode({ type: 'kasha', credentials: credentials(s.sandbox), items: [session], parameters: { resource: 'payment', operation: 'post', paymentOption: 'Card', card: card() } });
		expect(kashaState().balances.BRL).toBe(130.5 * 1e8);
		const r = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), parameters: { resource: 'payment', operation: 'refund', merchantReference: 'refund-me' } });
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ status: 'REFUNDED', transactionId: session.transactionId, money: { amount: '130.5', currency: 'BRL', minor: 13050 }, response: { statusCode: '000', paymentAmount: 130.5 } });
		expect(kashaState().balances.BRL).toBe(0);
		expect(kashaState().transactions.get(session.transactionId).status).toBe('REFUNDED');
		const again = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), parameters: { resource: 'payment', operation: 'refund', merchantReference: 'refund-me' } });
		expect(again.error.message).toContain('only COMPLETED payments can be refunded');
		expect(kashaState().balances.BRL).toBe(0);
		const unknown = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), parameters: { resource: 'payment', operation: 'refund', merchantReference: 'nope' } });
		expect(unknown.error.message).toContain('Transaction not found');
		expect(s.sandbox.count({ provider: 'kasha', path: '/v2/refund/by-reference' })).toBe(3); // a money call is never re-sent
	});

	test('get status returns the transaction (from the incoming item by default)', async () => {
		const session = await initiate({ additionalFields: { merchantReference: 'status-1' } });
		const r = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), items: [session], parameters: { resource: 'payment', operation: 'getStatus' } });
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ id: session.transactionId, status: 'CREATED', merchantReference: 'status-1', currency: 'BRL', paymentAmount: 130.5 });
		const missing = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), parameters: { resource: 'payment', operation: 'getStatus', transactionId: 'does-not-exist' } });
		expect(missing.error.httpCode).toBe('404');
		expect(s.sandbox.count({ provider: 'kasha', path: '/v2/payments/does-not-exist' })).toBe(1);
	});
});
