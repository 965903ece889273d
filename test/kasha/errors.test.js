'use strict';
const path = require('path');
const { runNode, runWorkflow, node, logLines } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const { paymentSession, card, kashaSandbox } = require('./fixtures');

const { parseKashaError } = require(path.resolve(__dirname, '../../dist/nodes/Kasha/transport.js'));
const { KASHA_ERRORS } = require(path.resolve(__dirname, '../../dist/nodes/Kasha/errorCodes.js'));
const kit = providerKit('kasha');
const s = kit.handle;
const kashaState = () => s.sandbox.state('kasha');

// The reference's table, copied from Kasha's API reference ("Error codes") (code → status, reason).
const REFERENCE_TABLE = kashaSandbox.ERRORS;
const ALL_CODES = Object.keys(REFERENCE_TABLE);

async function initiate(overrides = {}) {
	const r = await kit.run(paymentSession(overrides));
	if (r.error) throw r.error;
	return r.items[0];
}

describe('Kasha error table', () => {
	test('the node maps exactly the reference table: 1000-1009, 1100, 3000-3026, 994-999', () => {
		const expected = [...Array.from({ length: 10 }, (_, i) => String(1000 + i)), '1100', ...Array.from({ length: 27 }, (_, i) => String(3000 + i)), ...Array.from({ length: 6 }, (_, i) => String(994 + i))];
		expect(Object.keys(KASHA_ERRORS).sort()).toEqual(expected.sort());
		expect(ALL_CODES.sort()).toEqual(expected.sort());
	});

	test.each(ALL_CODES)('code %s becomes an error with its status and reason (400 body and 200 body)', (code) => {
		const [status, reason] = REFERENCE_TABLE[code];
		for (const [http, body] of [
			[400, { statusCode: code, errorReason: reason }],
			[200, { statusCode: code, resultType: 'declined', result: { transactionId: 't-1' } }],
			[400, { errorCode: Number(code), message: 'x' }],
		]) {
			const error = parseKashaError(http, body);
			expect(error.code).toBe(code);
			expect(error.message).toContain(`${code}: ${reason}`);
			expect(error.message).toContain(`status ${status}`);
			expect(KASHA_ERRORS[code]).toMatchObject({ status, reason });
		}
		expect(parseKashaError(200, { statusCode: code, resultType: 'declined', result: { transactionId: 't-1' } }).description).toContain('t-1');
	});

	test('success answers are not errors', () => {
		expect(parseKashaError(200, { statusCode: '000', resultType: 'success', result: { transactionId: 'x' } })).toBeUndefined();
		expect(parseKashaError(200, { statusCode: '300', resultType: 'redirect', result: {} })).toBeUndefined();
		expect(parseKashaError(200, [{ statusCode: 85, resultType: 'option_choice', result: {} }])).toBeUndefined();
		expect(parseKashaError(200, { statusCode: 0, resultType: 'success' })).toBeUndefined();
		expect(parseKashaError(200, { statusCode: '000', errorReason: 'Success', status: 'REFUNDED' })).toBeUndefined();
		// a transaction's own failure details are data, not a failed call
		expect(parseKashaError(200, { id: 'x', status: 'DECLINED', errors: { code: '999', msg: 'duplicate order number' } })).toBeUndefined();
		expect(parseKashaError(401, { message: 'Unauthorized' }).message).toContain('API key was not accepted');
	});
});

describe('Kasha declines through the sandbox', () => {
	test.each(ALL_CODES)('a card payment declined with %s is an error naming code, status and reason', async (code) => {
		const session = await initiate({ country: 'GB', currency: 'GBP' });
		const r = await runNode({
			type: 'kasha', credentials: kit.credentials(), items: [session],
			parameters: { resource: 'payment', operation: 'post', paymentOption: 'Card', card: card('4111111111111111', { cardholder: `DECLINE ${code}` }) },
		});
		const [status, reason] = REFERENCE_TABLE[code];
		expect(r.error.name).toBe('NodeApiError');
		expect(r.error.message).toBe(`Kasha: ${status === 'DECLINED' ? 'declined' : 'error'} ${code}: ${reason} (status ${status})`);
		expect(r.error.context).toMatchObject({ providerCode: code, providerStatus: status, providerReason: reason });
		expect(r.error.description).toContain(session.transactionId);
		expect(kashaState().transactions.get(session.transactionId)).toMatchObject({ status, errors: { code } });
		expect(kashaState().balances.GBP).toBe(50_000 * 1e8);
	});

	test.each(Object.entries(kashaSandbox.MAGIC_CARDS))('magic card %s declines with %s', async (number, code) => {
		const session = await initiate({ country: 'GB', currency: 'GBP' });
		const r = await kit.run({ resource: 'payment', operation: 'post', paymentOption: 'Card', card: card(number) }, { items: [session] });
		expect(r.error.context.providerCode).toBe(String(code));
		expect(JSON.stringify({ m: r.error.message, d: r.error.description, c: r.error.context })).not.toContain(number);
	});

	test('local-method validation codes come from the sandbox: 1001 missing phone, 1004 invalid phone, 1002/1003 document', async () => {
		const ru = await initiate({ country: 'RU', currency: 'RUB', customerDetails: {} });
		const post = (items, fields) => runNode({ type: 'kasha', credentials: kit.credentials(), items, parameters: { resource: 'payment', operation: 'post', paymentOption: 'Online Banking', optionId: 'b_26', methodFields: { field: fields } } });
		expect((await post([ru], [])).error.context.providerCode).toBe('1001');
		expect((await post([ru], [{ name: 'phone', value: '123' }])).error.context.providerCode).toBe('1004');
		const br = await initiate();
		const pix = (items) => runNode({ type: 'kasha', credentials: kit.credentials(), items, parameters: { resource: 'payment', operation: 'post', paymentOption: 'PIX' } });
		expect((await pix([br])).error.context.providerCode).toBe('1002');
		const brDni = await initiate({ identityDocument: { number: '76486883X', type: 'DNI' } });
		expect((await pix([brDni])).error.context.providerCode).toBe('1003');
		const brCpf = await initiate({ identityDocument: { number: '36570630563', type: 'BRA_CPF' } });
		const ok = await pix([brCpf]);
		expect(ok.error).toBeUndefined();
		expect(ok.items[0].response.resultType).toBe('redirect');
	});

	test('local-method payments: declined at post (method field) or later by the bank, with notification', async () => {
		const ru = await initiate({ country: 'RU', currency: 'RUB' });
		const now = await kit.run({ resource: 'payment', operation: 'post', paymentOption: 'Online Banking', optionId: 'b_56', methodFields: { field: [{ name: 'phone', value: 'DECLINE 997' }] } }, { items: [ru] });
		expect(now.error.message).toBe('Kasha: declined 997: No route was found. (status DECLINED)');
		expect(kashaState().transactions.get(ru.transactionId)).toMatchObject({ status: 'DECLINED', errors: { code: '997' } });

		const later = await initiate({ country: 'RU', currency: 'RUB', additionalFields: { notificationUrl: 'http://127.0.0.1:9/unused' } });
		const pending = await kit.run({ resource: 'payment', operation: 'post', paymentOption: 'Online Banking', optionId: 'b_56', methodFields: { field: [{ name: 'phone', value: '+79991234567' }] } }, { items: [later] });
		expect(pending.items[0].response.resultType).toBe('redirect');
		const [code] = await s.sandbox.handleControl('POST', `/_control/kasha/transactions/${later.transactionId}/complete`, { code: 3018 });
		expect(code).toBe(200);
		const status = await kit.run({ resource: 'payment', operation: 'getStatus' }, { items: [later] });
		expect(status.items[0]).toMatchObject({ status: 'DECLINED', errors: { code: '3018', msg: 'Payment was not received.' } });
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(s.sandbox.webhooks.map((w) => w.payload)).toContainEqual(expect.objectContaining({ internalId: later.transactionId, status: 'DECLINED', errorCode: '3018' }));
		expect(kashaState().balances.RUB).toBe(0);
	});

	test('amount limits (1007, 1008) and no options (995) come back as errors', async () => {
		const run = (overrides) => kit.run(paymentSession(overrides));
		expect((await run({ amount: '0.50' })).error.context.providerCode).toBe('1007');
		expect((await run({ amount: '100000.01' })).error.context.providerCode).toBe('1008');
		expect((await run({ country: 'FR', currency: 'EUR' })).error.context.providerCode).toBe('995');
	});

	test('with Continue On Fail a decline is an error item with code, and other items still run', async () => {
		const a = await initiate({ country: 'GB', currency: 'GBP' });
		const b = await initiate({ country: 'GB', currency: 'GBP' });
		const r = await runNode({
			type: 'kasha', credentials: kit.credentials(), continueOnFail: true, items: [a, b],
			parameters: { resource: 'payment', operation: 'post', paymentOption: 'Card', card: { cardNumber: '={{ $json.sessionId === "' + a.sessionId + '" ? "4000000000009995" : "4111111111111111" }}', cvv: '123', expiryMonth: '12', expiryYear: '2031', cardholder: 'J D' } },
		});
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ errorCode: '3000', errorStatus: 'DECLINED', errorReason: 'Insufficient card funds.' });
		expect(r.items[0].error).toContain('Insufficient card funds');
		expect(r.items[0].error).toContain('DECLINED');
		expect(r.items[1]).toMatchObject({ transactionId: b.transactionId, response: { statusCode: '000' } });
		expect(r.raw.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(JSON.stringify(r.items)).not.toContain('4000000000009995');
	});

	test('a decline is routed to the error output when the node uses "Continue (using error output)"', async () => {
		const declined = await initiate({ country: 'GB', currency: 'GBP' });
		const paid = await initiate({ country: 'GB', currency: 'GBP' });
		const nodes = [
			node('Start', 'harness.start'),
			node('Post', 'kasha', { resource: 'payment', operation: 'post', paymentOption: 'Card', card: { cardNumber: '={{ $json.n === "expired" ? "4000000000000069" : "4111111111111111" }}', cvv: '123', expiryMonth: '12', expiryYear: '2031', cardholder: 'J D' } }, { onError: 'continueErrorOutput' }),
			node('Paid', 'harness.passThrough'),
			node('Declined', 'harness.passThrough'),
		];
		const connections = { Start: { main: [[{ node: 'Post', type: 'main', index: 0 }]] }, Post: { main: [[{ node: 'Paid', type: 'main', index: 0 }], [{ node: 'Declined', type: 'main', index: 0 }]] } };
		const r = await runWorkflow({ nodes, connections, credentials: kit.credentials(), input: [{ json: { ...declined, n: 'expired' } }, { json: { ...paid, n: 'ok' } }] });
		expect(r.error).toBeUndefined();
		expect(r.output('Paid').map((i) => i.json.transactionId)).toEqual([paid.transactionId]);
		const errors = r.output('Declined');
		expect(errors).toHaveLength(1);
		expect(errors[0].json.details).toMatchObject({ errorCode: '3007', errorStatus: 'DECLINED', errorReason: 'Card expired.' });
		expect(errors[0].json.sessionId).toBe(declined.sessionId); // n8n merges the input item in
		expect(errors[0].json.error).toContain('Card expired');
	});

	test('a lost answer to a direct payment is reported as unknown and not re-sent', async () => {
		const session = await initiate({ country: 'GB', currency: 'GBP' });
		s.sandbox.injectFault({ provider: 'kasha', path: '/v2/direct-payment', kind: 'drop-after' });
		const r = await kit.run({ resource: 'payment', operation: 'post', paymentOption: 'Card', card: card() }, { items: [session] });
		expect(r.error.message).toContain('may or may not have been made');
		expect(r.error.message).toContain(session.sessionId);
		expect(s.sandbox.count({ provider: 'kasha', path: '/v2/direct-payment' })).toBe(1);
		expect(kashaState().transactions.get(session.transactionId).status).toBe('COMPLETED');
	});

	test('transaction IDs that are mostly digits stay readable in errors (they are not masked like card numbers)', async () => {
		const session = await initiate({ country: 'GB', currency: 'GBP' });
		const id = '51247562-5907-4633-8f2a-8d1baa3fdf5e';
		s.sandbox.injectFault({ provider: 'kasha', path: '/v2/direct-payment', kind: 'status', status: 200, body: { statusCode: '3023', status: 'DECLINED', resultType: 'declined', result: { transactionId: id } } });
		const r = await kit.run({ resource: 'payment', operation: 'post', paymentOption: 'Card', card: card('4000000000009995') }, { items: [session] });
		expect(r.error.message).toContain('declined 3023');
		expect(r.error.description).toContain(`Transaction ID: ${id}.`);
		// (the node's own parameters are part of the workflow; the message, description and context never carry card data)
		expect(JSON.stringify({ m: r.error.message, d: r.error.description, c: r.error.context })).not.toContain('4000000000009995');
	});

	test('reads are retried on 5xx', async () => {
		const session = await initiate();
		s.sandbox.injectFault({ provider: 'kasha', path: `/v2/payments/${session.transactionId}`, kind: 'status', status: 503 });
		const r = await kit.run({ resource: 'payment', operation: 'getStatus' }, { items: [session] });
		expect(r.error).toBeUndefined();
		expect(s.sandbox.count({ provider: 'kasha', path: `/v2/payments/${session.transactionId}` })).toBe(2);
	});

	test('the API key and card data never reach the logs', () => {
		const logs = logLines.join('\n');
		expect(logs).not.toContain(kashaSandbox.DEMO.apiKey);
		expect(logs).not.toContain('4000000000009995');
	});
});
