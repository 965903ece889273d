'use strict';
// /direct-payment action codes and hosted cashier links as Kasha's public docs (and its predecessor) give them.
const { runNode } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const { paymentSession } = require('./fixtures');

const kit = providerKit('kasha');
const s = kit.handle;

const payByTransfer = (note) =>
	paymentSession({
		operation: 'pay', country: 'GB', currency: 'GBP', amount: '20', paymentOptionName: 'Bank Transfer', card: {},
		methodFields: { field: [{ name: 'note', value: note }] },
		// a money move needs its Idempotency Key (Pay sends it as Kasha's merchant reference)
		idempotencyKey: `act-${note.replace(/\W/g, '')}-${Math.random().toString(36).slice(2, 10)}`,
	});

describe('Kasha /direct-payment actions (081-084) are not failures', () => {
	test.each([
		['081', 'qrCode', { qrCode: expect.stringContaining('kasha-sandbox-qr:') }],
		['082', 'buildRequest', { request: expect.objectContaining({ method: 'POST' }) }],
		['083', 'uploadReceipt', { message: expect.any(String) }],
		['084', 'showInfo', { info: expect.any(String), redirectUrl: expect.any(String) }],
	])('%s → success output with action "%s"', async (code, action, fields) => {
		const r = await kit.run(payByTransfer(`ACTION ${code}`));
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ action, response: { statusCode: code, ...fields } });
		expect(s.sandbox.state('kasha').transactions.get(r.items[0].transactionId).status).toBe('PENDING');
	});

	test('a redirect (300) says so too; a plain success has no action', async () => {
		const redirect = await kit.run(payByTransfer('pay me'));
		expect(redirect.items[0]).toMatchObject({ action: 'redirect', response: { statusCode: '300' } });
		const paid = await runNode({
			type: 'kasha', credentials: kit.credentials(),
			parameters: paymentSession({ operation: 'pay', country: 'GB', currency: 'GBP', amount: '20', paymentOptionName: 'Card', card: { cardNumber: '4111111111111111', cvv: '123', expiryMonth: '12', expiryYear: '2031', cardholder: 'A B' }, idempotencyKey: 'act-plain-card' }),
		});
		expect(paid.items[0].response.statusCode).toBe('000');
		expect(paid.items[0].action).toBeUndefined();
	});

	test('a decline in result.errors[] (the predecessor API\'s shape) is still a failure with Kasha\'s code', async () => {
		s.sandbox.injectFault({ provider: 'kasha', path: '/v2/direct-payment', kind: 'status', status: 200, body: { statusCode: '999', resultType: 'error', result: { errors: [{ code: '3001', message: 'Do not honour.' }] } } });
		const r = await kit.run(payByTransfer('x'));
		expect(r.error).toBeDefined();
		expect(r.error.message).toContain('declined 3001');
	});
});

describe('Kasha hosted cashier link', () => {
	test('the pay-in cashier is POST /v2/payment-session and its cashierUrl is output as url too', async () => {
		const r = await kit.run(paymentSession({ operation: 'getHostedCashierLink' }));
		expect(r.error).toBeUndefined();
		expect(r.items[0].cashierUrl).toContain(`/kasha/cashier/${r.items[0].sessionId}`);
		expect(r.items[0].url).toBe(r.items[0].cashierUrl);
		expect(s.sandbox.count({ provider: 'kasha', method: 'POST', path: '/v2/payment-session' })).toBe(1);
	});

	test.each([
		[{ cashierUrl: 'https://cashier.example/?sessionId=1' }],
		[{ result: { cashierUrl: 'https://cashier.example/?sessionId=1' } }],
		[{ link: 'https://cashier.example/?sessionId=1' }],
		[{ statusCode: '300', resultType: 'redirect', result: { url: 'https://cashier.example/?sessionId=1' } }],
		[{ redirectUrl: 'https://cashier.example/?sessionId=1' }],
	])('whatever Kasha calls the link (%j), it is in url', async (answer) => {
		s.sandbox.injectFault({ provider: 'kasha', path: '/v2/payout-session', kind: 'status', status: 200, body: answer });
		const r = await runNode({
			type: 'kasha', credentials: kit.credentials(),
			parameters: { resource: 'payout', operation: 'getHostedCashierLink', country: 'AR', currency: 'ARS', amount: '200', redirectUrl: 'https://shop.example.com/payout-done', customerName: 'John Smith' },
		});
		expect(r.error).toBeUndefined();
		expect(r.items[0].url).toBe('https://cashier.example/?sessionId=1');
	});
});
