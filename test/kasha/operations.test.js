'use strict';
const { runNode } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const { paymentSession, card, VISA_OK } = require('./fixtures');

const kit = providerKit('kasha');
const s = kit.handle;
const kashaState = () => s.sandbox.state('kasha');
const lastRequest = (path) => s.sandbox.requests.filter((r) => r.provider === 'kasha' && r.path === path).pop();

async function initiate(overrides = {}) {
	const r = await kit.run(paymentSession(overrides));
	if (r.error) throw r.error;
	return r.items[0];
}

describe('Kasha payments', () => {
	test('initiate sends every request-table field and returns session, transaction and options', async () => {
		const r = await runNode({
			type: 'kasha',
			credentials: kit.credentials(),
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
		const r = await kit.run(params);
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
			credentials: kit.credentials(),
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
		const first = await kit.run(params, { items: [session] });
		expect(first.error).toBeUndefined();
		const second = await kit.run(params, { items: [session] });
		expect(second.error.message).toContain('3017');
		expect(second.error.message).toContain('Duplicate transaction');
		expect(kashaState().balances.BRL).toBe(130.5 * 1e8); // charged once
	});

	test('a session expires after 30 minutes', async () => {
		const session = await initiate();
		kashaState().clockOffset += 30 * 60 * 1000 + 1;
		const r = await kit.run({ resource: 'payment', operation: 'post', paymentOption: 'Card', card: card() }, { items: [session] });
		expect(r.error.message).toContain('1000');
		expect(r.error.description).toContain('Session expired');
		expect(kashaState().transactions.get(session.transactionId).status).toBe('CREATED');
	});

	test('sub-options list banks and form inputs; the local payment stays PENDING until the customer pays', async () => {
		const session = await initiate({ country: 'RU', currency: 'RUB' });
		const sub = await kit.run({ resource: 'payment', operation: 'getSubOptions', paymentOption: 'online banking' }, { items: [session] });
		expect(sub.error).toBeUndefined();
		expect(sub.items[0].options.map((o) => o.name)).toContain('Alfa-Bank');
		expect(sub.items[0].formInputs[0]).toMatchObject({ name: 'phone', validations: { minLength: 11, maxLength: 18 } });
		expect(sub.items[0].paymentOptions).toHaveLength(2); // travels on to the next node
		const post = await runNode({
			type: 'kasha', credentials: kit.credentials(), items: sub.items,
			parameters: { resource: 'payment', operation: 'post', paymentOption: 'Online Banking', optionId: 'b_26', methodFields: { field: [{ name: 'phone', value: '+79991234567' }] } },
		});
		expect(post.error).toBeUndefined();
		expect(post.items[0]).toMatchObject({ action: 'redirect', optionId: 'b_26', response: { statusCode: '300', resultType: 'redirect' } });
		expect(kashaState().transactions.get(session.transactionId)).toMatchObject({ status: 'PENDING', method: 'Online Banking', optionId: 'b_26' });
	});

	test('hybrid link preselects the option and sub-option', async () => {
		const session = await initiate({ country: 'RU', currency: 'RUB' });
		const r = await kit.run({ resource: 'payment', operation: 'createHybridLink', paymentOption: 'Online Banking', optionId: 'b_24' }, { items: [session] });
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ transactionId: session.transactionId, optionId: 'b_24', paymentOptionName: 'Online Banking', response: { statusCode: '300' } });
		expect(r.items[0].url).toContain(session.sessionId);
		expect(kashaState().sessions.get(session.sessionId).preselected).toEqual({ option: 'Online Banking', optionId: 'b_24' });
	});

	test('an option by ID through an expression, without the session list, is sent as is', async () => {
		const session = await initiate({ country: 'GB', currency: 'GBP' });
		const r = await runNode({
			type: 'kasha', credentials: kit.credentials(), items: [{ sessionId: session.sessionId, id: session.paymentOptions[0].paymentOptionId }],
			parameters: { resource: 'payment', operation: 'post', paymentOption: '={{ $json.id }}', card: card() },
		});
		expect(r.error).toBeUndefined();
		expect(r.items[0].response.statusCode).toBe('000');
	});

	test('an option name the session does not offer is refused before sending', async () => {
		const session = await initiate();
		const before = s.sandbox.count({ provider: 'kasha' });
		const r = await kit.run({ resource: 'payment', operation: 'post', paymentOption: 'Bitcoin', card: card() }, { items: [session] });
		expect(r.error.message).toContain('Payment Option');
		expect(r.error.message).toContain('offered: Card, PIX, Online Banking');
		expect(s.sandbox.count({ provider: 'kasha' })).toBe(before);
	});

	test('refund by merchant reference refunds once and the second attempt is refused', async () => {
		const session = await initiate({ additionalFields: { merchantReference: 'refund-me' } });
		await kit.run({ resource: 'payment', operation: 'post', paymentOption: 'Card', card: card() }, { items: [session] });
		expect(kashaState().balances.BRL).toBe(130.5 * 1e8);
		const r = await kit.run({ resource: 'payment', operation: 'refund', merchantReference: 'refund-me' });
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ status: 'REFUNDED', transactionId: session.transactionId, money: { amount: '130.5', currency: 'BRL', minor: 13050 }, response: { statusCode: '000', paymentAmount: 130.5 } });
		expect(kashaState().balances.BRL).toBe(0);
		expect(kashaState().transactions.get(session.transactionId).status).toBe('REFUNDED');
		const again = await kit.run({ resource: 'payment', operation: 'refund', merchantReference: 'refund-me' });
		expect(again.error.message).toContain('only COMPLETED payments can be refunded');
		expect(kashaState().balances.BRL).toBe(0);
		const unknown = await kit.run({ resource: 'payment', operation: 'refund', merchantReference: 'nope' });
		expect(unknown.error.message).toContain('Transaction not found');
		expect(s.sandbox.count({ provider: 'kasha', path: '/v2/refund/by-reference' })).toBe(3); // a money call is never re-sent
	});

	test('get status returns the transaction (from the incoming item by default)', async () => {
		const session = await initiate({ additionalFields: { merchantReference: 'status-1' } });
		const r = await kit.run({ resource: 'payment', operation: 'getStatus' }, { items: [session] });
		expect(r.error).toBeUndefined();
		// money both ways: Kasha's paymentAmount untouched, plus the major-unit amount and currency
		expect(r.items[0]).toMatchObject({ id: session.transactionId, status: 'CREATED', merchantReference: 'status-1', currency: 'BRL', paymentAmount: 130.5, money: { amount: '130.5', currency: 'BRL', minor: 13050 } });
		// Simplify (on by default) keeps the fields most workflows map; off, the whole answer
		expect(r.items[0].customer).toBeUndefined();
		const full = await kit.run({ resource: 'payment', operation: 'getStatus', simplify: false }, { items: [session] });
		expect(full.items[0]).toMatchObject({ id: session.transactionId, customer: { name: 'John Doe' }, money: { amount: '130.5' } });
		const missing = await kit.run({ resource: 'payment', operation: 'getStatus', transactionId: 'does-not-exist' });
		expect(missing.error.httpCode).toBe('404');
		expect(s.sandbox.count({ provider: 'kasha', path: '/v2/payments/does-not-exist' })).toBe(1);
	});
});

describe('Kasha editor', () => {
	const { Kasha } = require('../../dist/nodes/Kasha/Kasha.node');
	const { KashaTrigger } = require('../../dist/nodes/Kasha/KashaTrigger.node');
	const properties = new Kasha().description.properties;
	const withName = (name) => properties.filter((p) => p.name === name);
	const optionsOf = (property) => property.options.map((o) => o.value).sort();

	test('closed value sets are options: language (EN, ES, PT, IN) and the customer\'s device', () => {
		const languages = withName('language');
		expect(languages.length).toBeGreaterThan(0);
		for (const language of languages) expect([language.type, optionsOf(language)]).toEqual(['options', ['EN', 'ES', 'IN', 'PT']]);
		for (const collection of withName('additionalFields')) {
			const language = collection.options.find((o) => o.name === 'language');
			if (language) expect([language.type, optionsOf(language)]).toEqual(['options', ['EN', 'ES', 'IN', 'PT']]);
		}
		for (const details of withName('customerDetails')) {
			const device = details.options.find((o) => o.name === 'userDevice');
			expect([device.type, optionsOf(device)]).toEqual(['options', ['DESKTOP', 'MOBILE']]);
		}
	});

	test('an expression may still give another language or device: checked, upper-cased and sent', async () => {
		const r = await kit.run(paymentSession({ language: '={{ "pt" }}', customerDetails: { userDevice: '={{ "tablet" }}' } }));
		expect(r.error).toBeUndefined();
		expect(lastRequest('/v2/payment-options').body).toMatchObject({ language: 'PT', customer: { userDevice: 'TABLET' } });
	});

	test('no operation is described by its endpoint, and every parameter has a description', () => {
		for (const picker of withName('operation')) {
			for (const option of picker.options) expect([option.value, option.description]).not.toEqual([option.value, expect.stringMatching(/\/v2\/|POST |GET /)]);
		}
		const walk = (list, where) => {
			for (const p of list) {
				if (p.type === 'notice' || ['resource', 'operation', 'executionOptions'].includes(p.name)) continue;
				if (p.type !== 'collection' && p.type !== 'fixedCollection') expect([where, p.name, typeof p.description]).toEqual([where, p.name, 'string']);
				if (p.type === 'collection') walk(p.options, `${where}.${p.name}`);
				if (p.type === 'fixedCollection') for (const group of p.options) walk(group.values, `${where}.${p.name}`);
			}
		};
		walk(properties, 'kasha');
	});

	test('Pay: the Merchant Reference is a top-level field and the Idempotency Key defaults to it', () => {
		const payOnly = (p) => p.displayOptions?.show?.operation?.includes('pay');
		const reference = withName('merchantReference').find(payOnly);
		expect(reference).toMatchObject({ type: 'string' });
		const key = withName('idempotencyKey').find(payOnly);
		expect(key.default).toBe('={{ $parameter["merchantReference"] }}');
		const extra = withName('additionalFields').find(payOnly);
		expect(extra.options.map((o) => o.name)).not.toContain('merchantReference');
	});

	test('ids Kasha cannot list are plain fields that say where they come from', () => {
		for (const name of ['sessionId', 'transactionId']) {
			for (const field of withName(name)) {
				expect(field.type).toBe('string');
				expect(field.default).toBe(`={{ $json.${name} }}`);
				expect(field.description).toMatch(/Initiate|Create Payout|Trigger/);
			}
		}
	});

	test('the trigger\'s setup notice says which URL to give Kasha for tests and for production', () => {
		const [notice] = new KashaTrigger().description.properties.filter((p) => p.type === 'notice');
		expect(notice.displayName).toMatch(/Test URL/);
		expect(notice.displayName).toMatch(/Production URL/);
		expect(notice.displayName).toMatch(/Notification URL/);
		for (const p of new KashaTrigger().description.properties.filter((x) => x.type === 'notice')) expect(p.displayName).not.toMatch(/\.$/);
	});
});
