'use strict';
const { runNode, testCredential } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const { paymentSession, payoutSession, card } = require('./fixtures');

const kit = providerKit('kasha');
const s = kit.handle;

async function expectRefused(parameters, field, items) {
	const r = await runNode({ type: 'kasha', parameters, credentials: kit.credentials(), items });
	expect(r.error).toBeDefined();
	expect(r.error.message).toContain(`Invalid ${field} [item 0]`);
	expect(s.sandbox.count({ provider: 'kasha' })).toBe(0);
	return r.error;
}

describe('Kasha validation: bad input sends nothing', () => {
	test.each([
		[{ country: 'BRA' }, 'Country'],
		[{ country: 'B1' }, 'Country'],
		[{ currency: 'BR' }, 'Currency'],
		[{ currency: 'R$1' }, 'Currency'],
		[{ amount: '10.123' }, 'Amount'],
		[{ amount: '-5' }, 'Amount'],
		[{ amount: '1,5' }, 'Amount'],
		[{ amount: '0' }, 'Amount'],
		[{ redirectUrl: 'not a url' }, 'Redirect URL'],
		[{ redirectUrl: `https://shop.example.com/${'a'.repeat(480)}` }, 'Redirect URL'],
		[{ language: 'ENG' }, 'Language'],
		[{ language: '={{ "" }}' }, 'Language'],
		[{ customerName: '={{ "" }}' }, 'Customer Name'],
		[{ customerDetails: { email: 'not-an-email' } }, 'Email'],
		[{ customerDetails: { phone: 'call me' } }, 'Phone'],
		[{ customerDetails: { ip: 'localhost' } }, 'IP Address'],
		[{ customerDetails: { ip: '999.999.999.999' } }, 'IP Address'],
		[{ customerDetails: { ip: '84.232.140.256' } }, 'IP Address'],
		[{ customerDetails: { ip: 'abcdef' } }, 'IP Address'],
		[{ customerAddress: { country: 'United Kingdom' } }, 'Customer Address Country'],
		[{ identityDocument: { number: '123' } }, 'Identity Document Type'],
		[{ shippingAddress: { country: 'GBR' } }, 'Shipping Address Country'],
		[{ orderDetails: { product: [{ productName: '', quantity: 1 }] } }, 'Order Details product 1 Product Name'],
		[{ additionalFields: { merchantReference: 'x'.repeat(256) } }, 'Merchant Reference'],
		[{ additionalFields: { paymentReference: 'x'.repeat(256) } }, 'Payment Reference'],
		[{ additionalFields: { extra1: 'x'.repeat(256) } }, 'Extra 1'],
		[{ additionalFields: { tax: 'x'.repeat(256) } }, 'Tax'],
		[{ additionalFields: { notificationUrl: 'ftp://x.example.com' } }, 'Notification URL'],
	])('initiate payment %j is refused (%s)', async (overrides, field) => {
		await expectRefused(paymentSession(overrides), field);
	});

	test('amounts: 2 decimals for fiat, 8 for crypto currencies', async () => {
		await expectRefused(paymentSession({ country: 'DE', currency: 'USDT', amount: '1.123456789' }), 'Amount');
		const ok = await kit.run(paymentSession({ country: 'DE', currency: 'usdt', amount: '0.12345678' }));
		expect(ok.error).toBeUndefined();
		const sent = s.sandbox.requests.find((r) => r.path === '/v2/payment-options').body;
		expect(sent).toMatchObject({ currency: 'USDT', amount: 0.12345678 });
		const fiat = await kit.run(paymentSession({ amount: '130.1' }));
		expect(fiat.error).toBeUndefined();
	});

	test.each([
		[card('4111111111111112'), 'Card Number'],
		[card('4111'), 'Card Number'],
		[card(undefined, { cvv: '12' }), 'CVV'],
		[card(undefined, { expiryMonth: '13' }), 'Expiry Month'],
		[card(undefined, { expiryYear: '31x' }), 'Expiry Year'],
		[card(undefined, { cardholder: '' }), 'Cardholder Name'],
	])('post with bad card data is refused before sending (%#)', async (details, field) => {
		const error = await expectRefused({ resource: 'payment', operation: 'post', paymentOption: 'Card', card: details }, field, [{ sessionId: 'abc', paymentOptions: [{ paymentOptionId: 'p1'.repeat(10), name: 'Card' }] }]);
		// (the node's own parameters are part of the workflow; the message, description and context never carry card data)
		expect(JSON.stringify({ m: error.message, d: error.description, c: error.context })).not.toContain('4111111111111112');
	});

	test('the Card option without card details is refused before sending', async () => {
		await expectRefused({ resource: 'payment', operation: 'post', paymentOption: 'Card' }, 'Card Number', [{ sessionId: 'abc', paymentOptions: [{ paymentOptionId: 'p1'.repeat(10), name: 'Card' }] }]);
		await expectRefused(paymentSession({ operation: 'pay', paymentOptionName: 'Card', idempotencyKey: 'val-1' }), 'Card Number');
	});

	test('Pay validates every field (also the card) before opening a session', async () => {
		await expectRefused(paymentSession({ operation: 'pay', paymentOptionName: 'Card', card: card('1234567890123'), idempotencyKey: 'val-2' }), 'Card Number');
		await expectRefused(paymentSession({ operation: 'pay', paymentOptionName: '={{ "" }}', card: card(), idempotencyKey: 'val-3' }), 'Payment Option');
	});

	test('payouts: initiate, create and confirm refuse bad input', async () => {
		await expectRefused(payoutSession({ amount: '1.001' }), 'Amount');
		await expectRefused(payoutSession({ additionalFields: { merchantDomain: 'x'.repeat(256) } }), 'Merchant Domain');
		await expectRefused({ resource: 'payout', operation: 'create', sessionId: '={{ "" }}', paymentOption: 'x', idempotencyKey: 'val-4' }, 'Session ID');
		await expectRefused({ resource: 'payout', operation: 'confirm', transactionId: '={{ "" }}', idempotencyKey: 'val-5' }, 'Transaction ID');
		await expectRefused({ resource: 'payment', operation: 'refund', merchantReference: 'x'.repeat(256) }, 'Merchant Reference');
	});
});

describe('Kasha validation: transaction IDs and IP addresses', () => {
	test.each([['..'], ['.'], ['../payout-options'], ['abc/def'], ['abc?x=1'], ['f5773e8a-697e-4b25\r\nX-Injected: 1'], ['a b']])(
		'a Transaction ID that would change the lookup URL (%j) is refused before sending',
		async (transactionId) => {
			await expectRefused({ resource: 'payment', operation: 'getStatus', transactionId }, 'Transaction ID');
			await expectRefused({ resource: 'payout', operation: 'confirm', transactionId, settleAction: 'APPROVE' }, 'Transaction ID');
		},
	);

	test('real IPv4 and IPv6 addresses are accepted and sent', async () => {
		for (const ip of ['84.232.140.77', '255.255.255.255', '2001:db8::1', '::1']) {
			const r = await kit.run(paymentSession({ customerDetails: { ip } }));
			expect(r.error).toBeUndefined();
			expect(s.sandbox.requests.at(-1).body.customer.ip).toBe(ip);
		}
	});
});

describe('Kasha credential', () => {
	// n8n's verdict on a declarative credential test (credentials-tester.service.js, runRequestTest): with
	// ignoreHttpStatusErrors every answer reaches the rules, and a `responseSuccessBody` rule whose key holds
	// its value fails the test with the rule's message
	const { KashaApi } = require('../../dist/credentials/KashaApi.credentials');
	function verdict(result) {
		const { request, rules = [] } = new KashaApi().test;
		if (!request.ignoreHttpStatusErrors && !result.ok) return { status: 'Error', message: `HTTP ${result.status}` };
		const body = typeof result.body === 'object' && result.body !== null ? result.body : {};
		const failed = rules.find((rule) => rule.type === 'responseSuccessBody' && body[rule.properties.key] === rule.properties.value);
		return failed ? { status: 'Error', message: failed.properties.message } : { status: 'OK' };
	}

	test('the test request is a read (a lookup of a transaction that cannot exist): nothing is opened or created', async () => {
		const { request } = new KashaApi().test;
		expect(request.method).toBe('GET');
		const good = await testCredential('kashaApi', s.sandbox.credentials().kasha);
		expect(good.status).toBe(404);
		expect(verdict(good)).toEqual({ status: 'OK' });
		const bad = await testCredential('kashaApi', { ...s.sandbox.credentials().kasha, apiKey: 'wrong' });
		expect(bad.status).toBe(401);
		expect(verdict(bad)).toEqual({ status: 'Error', message: expect.stringMatching(/did not accept the API key/) });
		// two lookups and nothing else: no session, no transaction
		expect(s.sandbox.count({ provider: 'kasha' })).toBe(2);
		expect(s.sandbox.requests.every((r) => r.method === 'GET' && r.path === '/v2/payments/00000000-0000-0000-0000-000000000000')).toBe(true);
		const state = s.sandbox.state('kasha');
		expect(state.sessions.size).toBe(0);
		expect(state.transactions.size).toBe(0);
	});

	test('a wrong request signature fails the test too', async () => {
		await fetch(`${s.sandbox.baseUrl}/_control/kasha/signatures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ required: true }) });
		const unsigned = await testCredential('kashaApi', { ...s.sandbox.credentials().kasha, signatureSecretKey: '' });
		expect(verdict(unsigned).status).toBe('Error');
		const signed = await testCredential('kashaApi', s.sandbox.credentials().kasha);
		expect(verdict(signed)).toEqual({ status: 'OK' });
	});

	test('the test URL is built from the same constant as the transport\'s', () => {
		const { KASHA_BASE_URLS } = require('../../dist/credentials/KashaApi.credentials');
		const { baseURL } = new KashaApi().test.request;
		expect(baseURL).toContain(KASHA_BASE_URLS.production);
		expect(baseURL).toContain(KASHA_BASE_URLS.sandbox);
	});

	test('the header name and prefix can be overridden (e.g. Authorization: Bearer)', async () => {
		const creds = kit.credentials({ headerName: 'Authorization', valuePrefix: 'Bearer ' });
		const r = await runNode({ type: 'kasha', parameters: paymentSession(), credentials: creds });
		expect(r.error).toBeUndefined();
		const request = s.sandbox.requests.find((entry) => entry.path === '/v2/payment-options');
		expect(request.headers.authorization).toBe('Bearer kasha_sandbox_key_7f3a9c');
		expect(request.headers['x-api-key']).toBeUndefined();
		const cred = await testCredential('kashaApi', { ...s.sandbox.credentials().kasha, headerName: 'Authorization', valuePrefix: 'Bearer ' });
		expect(cred.status).toBe(404);
		expect(verdict(cred)).toEqual({ status: 'OK' });
	});

	test('a wrong key is a clear error that does not contain the key', async () => {
		const r = await runNode({ type: 'kasha', parameters: paymentSession(), credentials: kit.credentials({ apiKey: 'secret-wrong-key' }) });
		expect(r.error.message).toContain('API key was not accepted');
		expect(JSON.stringify(r.error)).not.toContain('secret-wrong-key');
	});
});
