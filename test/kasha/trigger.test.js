'use strict';
const { runNode, startTrigger, node, post } = require('../harness/n8n');
const { useSandbox } = require('../harness/sandbox');
const { credentials, paymentSession, card, eventually } = require('./helpers');

const s = useSandbox();
const kashaState = () => s.sandbox.state('kasha');

async function paidCardTransaction(notificationUrl) {
	const init = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), parameters: paymentSession({ country: 'GB', currency: 'GBP', amount: '42.00', additionalFields: { merchantReference: `ref-${Date.now()}-${Math.random()}`, ...(notificationUrl ? { notificationUrl } : {}) } }) });
	const paid = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), items: init.items, parameters: { resource: 'payment', operation: 'post', paymentOption: 'Card', card: card() } });
	if (paid.error) throw paid.error;
	return kashaState().transactions.get(init.items[0].transactionId);
}

async function withTrigger(parameters, fn) {
	const trigger = await startTrigger({ trigger: node('Kasha Trigger', 'kashaTrigger', parameters), downstream: [node('After', 'harness.passThrough')], credentials: credentials(s.sandbox) });
	try {
		return await fn(trigger);
	} finally {
		await trigger.close();
	}
}

describe('Kasha Trigger', () => {
	test('a genuine notification is confirmed with Kasha and emitted with the confirmed data', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction(trigger.url());
			await eventually(() => s.sandbox.webhooks.length === 1);
			await trigger.settle();
			expect(s.sandbox.webhooks[0]).toMatchObject({ status: 200 });
			expect(trigger.executions).toHaveLength(1);
			const item = trigger.executions[0].output('After')[0];
			expect(item).toMatchObject({ transactionId: transaction.id, status: 'COMPLETED', confirmed: true, paymentAmount: 42, currency: 'GBP', notification: { transactionId: transaction.id, status: 'COMPLETED' } });
			expect(s.sandbox.count({ provider: 'kasha', method: 'GET', path: `/v2/transaction/${transaction.id}` })).toBe(1);
		});
	});

	test('a forged notification for a transaction that does not exist is rejected and starts nothing', async () => {
		await withTrigger({}, async (trigger) => {
			const response = await post(trigger.url(), { transactionId: '11111111-2222-3333-4444-555555555555', status: 'COMPLETED', amount: 1000, currency: 'GBP' });
			await trigger.settle();
			expect(response.status).toBe(401);
			expect(response.body.error).toContain('unknown transaction');
			expect(trigger.executions).toHaveLength(0);
			expect(s.sandbox.count({ provider: 'kasha', method: 'GET', path: '/v2/transaction/11111111-2222-3333-4444-555555555555' })).toBe(1);
		});
	});

	test.each([
		[{ status: 'COMPLETED' }, 'status'], // Kasha says CREATED
		[{ status: 'CREATED', amount: 9999 }, 'amount'],
		[{ status: 'CREATED', currency: 'USD' }, 'currency'],
		[{ status: 'CREATED', merchantReference: 'someone-else' }, 'merchantReference'],
	])('a notification that disagrees with Kasha (%j) is rejected', async (claims, field) => {
		await withTrigger({}, async (trigger) => {
			const init = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), parameters: paymentSession({ country: 'GB', currency: 'GBP', amount: '42', additionalFields: { merchantReference: 'mine' } }) });
			const response = await post(trigger.url(), { transactionId: init.items[0].transactionId, amount: 42, currency: 'GBP', ...claims });
			await trigger.settle();
			expect(response.status).toBe(409);
			expect(response.body.error).toContain(field);
			expect(trigger.executions).toHaveLength(0);
		});
	});

	test('a forged notification through the sandbox (different transaction and status) is rejected', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const [status, result] = await s.sandbox.handleControl('POST', '/_control/kasha/notify', { url: trigger.url(), payload: { transactionId: transaction.id, status: 'REFUNDED' } });
			expect(status).toBe(200);
			expect(result.status).toBe(409);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(0);
		});
	});

	test('IDs that would move the lookup to another URL ("." or "..", slashes) are refused without asking Kasha', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			// were the lookup of "." sent, GET /v2/transaction/ could be a list whose first entry is someone's payment
			s.sandbox.injectFault({ provider: 'kasha', path: /^\/v2\/transaction\/?$/, kind: 'status', status: 200, body: [{ id: transaction.id, status: 'COMPLETED' }] });
			const before = s.sandbox.count({ provider: 'kasha' });
			for (const transactionId of ['.', '..', '../payment-options', 'a/b', ' x y ', '-x']) {
				const response = await post(trigger.url(), { transactionId });
				expect(response.status).toBe(400);
			}
			await trigger.settle();
			expect(trigger.executions).toHaveLength(0);
			expect(s.sandbox.count({ provider: 'kasha' })).toBe(before);
		});
	});

	test('only an answer about the notified transaction, with a status, confirms it', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const view = s.sandbox.state('kasha').transactions.get(transaction.id);
			const other = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
			// an answer for another transaction
			s.sandbox.injectFault({ provider: 'kasha', path: `/v2/transaction/${other}`, kind: 'status', status: 200, body: { id: transaction.id, status: 'COMPLETED', paymentAmount: 42, currency: 'GBP' } });
			const forged = await post(trigger.url(), { transactionId: other, status: 'COMPLETED' });
			expect(forged.status).toBe(401);
			// an answer without an ID (e.g. another endpoint) or without a status
			s.sandbox.injectFault({ provider: 'kasha', path: `/v2/transaction/${other}`, kind: 'status', status: 200, body: { status: 'COMPLETED' } });
			expect((await post(trigger.url(), { transactionId: other })).status).toBe(401);
			s.sandbox.injectFault({ provider: 'kasha', path: `/v2/transaction/${transaction.id}`, kind: 'status', status: 200, body: { id: transaction.id } });
			expect((await post(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' })).status).toBe(401);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(0);
			expect(s.sandbox.count({ provider: 'kasha', method: 'GET', path: `/v2/transaction/${other}` })).toBe(2);
			// the genuine one still runs
			const genuine = await post(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' });
			expect(genuine.status).toBe(200);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(1);
			expect(view.status).toBe('COMPLETED');
		});
	});

	test('the same transaction notified under another spelling of its ID runs once (Kasha\'s ID is the key)', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const upper = transaction.id.toUpperCase();
			// a Kasha that finds IDs whatever their case answers with its own spelling
			s.sandbox.injectFault({ provider: 'kasha', path: `/v2/transaction/${upper}`, kind: 'status', status: 200, body: { id: transaction.id, status: 'COMPLETED', paymentAmount: 42, currency: 'GBP' } });
			expect((await post(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' })).status).toBe(200);
			expect((await post(trigger.url(), { transactionId: upper, status: 'COMPLETED' })).status).toBe(200);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.executions[0].items[0].transactionId).toBe(transaction.id);
		});
	});

	test('a notification without a transaction ID is refused', async () => {
		await withTrigger({}, async (trigger) => {
			const response = await post(trigger.url(), { status: 'COMPLETED' });
			expect(response.status).toBe(400);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(0);
			expect(s.sandbox.count({ provider: 'kasha' })).toBe(0);
		});
	});

	test('redeliveries are acknowledged but start the workflow once; form-encoded bodies work too', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const payload = { transactionId: transaction.id, status: 'COMPLETED' };
			const first = await post(trigger.url(), payload);
			const second = await post(trigger.url(), payload);
			const third = await post(trigger.url(), payload, { format: 'form' });
			await trigger.settle();
			expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
			expect(trigger.executions).toHaveLength(1);
		});
	});

	test('status filter: other statuses are acknowledged without running the workflow', async () => {
		await withTrigger({ statuses: ['REFUNDED'] }, async (trigger) => {
			const transaction = await paidCardTransaction();
			const completed = await post(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' });
			await trigger.settle();
			expect(completed.status).toBe(200);
			expect(trigger.executions).toHaveLength(0);
			const refund = await runNode({ type: 'kasha', credentials: credentials(s.sandbox), parameters: { resource: 'payment', operation: 'refund', merchantReference: transaction.merchantReference } });
			expect(refund.error).toBeUndefined();
			const refunded = await post(trigger.url(), { transactionId: transaction.id, status: 'REFUNDED' });
			await trigger.settle();
			expect(refunded.status).toBe(200);
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.executions[0].items[0]).toMatchObject({ status: 'REFUNDED', confirmed: true });
		});
	});

	test('when Kasha cannot be asked, the notification is answered 503 (Kasha retries) and nothing runs', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			s.sandbox.injectFault({ provider: 'kasha', path: `/v2/transaction/${transaction.id}`, kind: 'status', status: 500, times: 4 });
			const response = await post(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' });
			await trigger.settle();
			expect(response.status).toBe(503);
			expect(trigger.executions).toHaveLength(0);
			// the redelivery later succeeds
			const retry = await post(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' });
			await trigger.settle();
			expect(retry.status).toBe(200);
			expect(trigger.executions).toHaveLength(1);
		});
	}, 20000);

	test('with confirmation turned off the notification is emitted unconfirmed and Kasha is not asked', async () => {
		await withTrigger({ options: { confirm: false } }, async (trigger) => {
			const response = await post(trigger.url(), { transactionId: 'abc', status: 'completed' });
			await trigger.settle();
			expect(response.status).toBe(200);
			expect(trigger.executions[0].items[0]).toMatchObject({ transactionId: 'abc', status: 'COMPLETED', confirmed: false });
			expect(s.sandbox.count({ provider: 'kasha' })).toBe(0);
		});
	});

	test('activation and deactivation register nothing remotely', async () => {
		await withTrigger({}, async (trigger) => {
			expect(await trigger.activate()).toEqual(['exists']);
			expect(await trigger.deactivate()).toEqual([true]);
			expect(s.sandbox.count({ provider: 'kasha' })).toBe(0);
		});
	});
});
