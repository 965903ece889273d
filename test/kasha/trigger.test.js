'use strict';
const { runNode, startTrigger, node, post } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const { paymentSession, card, signedPost, signature, kashaSandbox } = require('./fixtures');

const kit = providerKit('kasha');
const s = kit.handle;
const kashaState = () => s.sandbox.state('kasha');

async function paidCardTransaction(notificationUrl) {
	const init = await kit.run(paymentSession({ country: 'GB', currency: 'GBP', amount: '42.00', additionalFields: { merchantReference: `ref-${Date.now()}-${Math.random()}`, ...(notificationUrl ? { notificationUrl } : {}) } }));
	const paid = await kit.run({ resource: 'payment', operation: 'post', paymentOption: 'Card', card: card() }, { items: init.items });
	if (paid.error) throw paid.error;
	return kashaState().transactions.get(init.items[0].transactionId);
}

/** The trigger with the sandbox credential (it has the signature key) or with `credentialOverrides`. */
async function withTrigger(parameters, fn, credentialOverrides = {}) {
	const trigger = await startTrigger({ trigger: node('Kasha Trigger', 'kashaTrigger', parameters), downstream: [node('After', 'harness.passThrough')], credentials: kit.credentials(credentialOverrides) });
	try {
		return await fn(trigger);
	} finally {
		await trigger.close();
	}
}

describe('Kasha Trigger (signature key set: every test notification below is validly signed, the lookup still guards)', () => {
	test('a genuine notification is confirmed with Kasha and emitted with the confirmed data', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction(trigger.url());
			await kit.waitFor(() => s.sandbox.webhooks.length === 1);
			await trigger.settle();
			expect(s.sandbox.webhooks[0]).toMatchObject({ status: 200 });
			expect(trigger.executions).toHaveLength(1);
			const item = trigger.executions[0].output('After')[0];
			// the sandbox notifies like the predecessor API: the ID in internalId, the body signed with x-signature
			expect(item).toMatchObject({ transactionId: transaction.id, status: 'COMPLETED', confirmed: true, verification: 'signature+lookup', paymentAmount: 42, currency: 'GBP', money: { amount: '42', currency: 'GBP', minor: 4200 }, notification: { internalId: transaction.id, status: 'COMPLETED' } });
			expect(s.sandbox.count({ provider: 'kasha', method: 'GET', path: `/v2/payments/${transaction.id}` })).toBe(1);
		});
	});

	test('a forged notification for a transaction that does not exist is rejected and starts nothing', async () => {
		await withTrigger({}, async (trigger) => {
			const response = await signedPost(trigger.url(), { transactionId: '11111111-2222-3333-4444-555555555555', status: 'COMPLETED', amount: 1000, currency: 'GBP' });
			await trigger.settle();
			expect(response.status).toBe(401);
			expect(response.body.error).toContain('unknown transaction');
			expect(trigger.executions).toHaveLength(0);
			expect(s.sandbox.count({ provider: 'kasha', method: 'GET', path: '/v2/payments/11111111-2222-3333-4444-555555555555' })).toBe(1);
		});
	});

	test.each([
		[{ status: 'COMPLETED' }, 'status'], // Kasha says CREATED
		[{ status: 'CREATED', amount: 9999 }, 'amount'],
		[{ status: 'CREATED', currency: 'USD' }, 'currency'],
		[{ status: 'CREATED', merchantReference: 'someone-else' }, 'merchantReference'],
	])('a notification that disagrees with Kasha (%j) is rejected', async (claims, field) => {
		await withTrigger({}, async (trigger) => {
			const init = await kit.run(paymentSession({ country: 'GB', currency: 'GBP', amount: '42', additionalFields: { merchantReference: 'mine' } }));
			const response = await signedPost(trigger.url(), { transactionId: init.items[0].transactionId, amount: 42, currency: 'GBP', ...claims });
			await trigger.settle();
			expect(response.status).toBe(409);
			expect(response.body.error).toContain(field);
			expect(trigger.executions).toHaveLength(0);
		});
	});

	test('a forged notification through the sandbox (different transaction and status) is rejected', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const [status, result] = await s.sandbox.handleControl('POST', '/_control/kasha/notify', { url: trigger.url(), payload: { internalId: transaction.id, status: 'REFUNDED' }, signed: true });
			expect(status).toBe(200);
			expect(result.status).toBe(409);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(0);
		});
	});

	test('IDs that would move the lookup to another URL ("." or "..", slashes) are refused without asking Kasha', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			// were the lookup of "." sent, GET /v2/payments/ could be a list whose first entry is someone's payment
			s.sandbox.injectFault({ provider: 'kasha', path: /^\/v2\/payments\/?$/, kind: 'status', status: 200, body: [{ id: transaction.id, status: 'COMPLETED' }] });
			const before = s.sandbox.count({ provider: 'kasha' });
			for (const transactionId of ['.', '..', '', '../payment-options', 'a/b', ' x y ', '-x', '%2e%2e', 'a?b', 'a#b', 'a\\b']) {
				const response = await signedPost(trigger.url(), { transactionId });
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
			s.sandbox.injectFault({ provider: 'kasha', path: `/v2/payments/${other}`, kind: 'status', status: 200, body: { id: transaction.id, status: 'COMPLETED', paymentAmount: 42, currency: 'GBP' } });
			const forged = await signedPost(trigger.url(), { transactionId: other, status: 'COMPLETED' });
			expect(forged.status).toBe(401);
			// an answer without an ID (e.g. another endpoint) or without a status
			s.sandbox.injectFault({ provider: 'kasha', path: `/v2/payments/${other}`, kind: 'status', status: 200, body: { status: 'COMPLETED' } });
			expect((await signedPost(trigger.url(), { transactionId: other })).status).toBe(401);
			s.sandbox.injectFault({ provider: 'kasha', path: `/v2/payments/${transaction.id}`, kind: 'status', status: 200, body: { id: transaction.id } });
			expect((await signedPost(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' })).status).toBe(401);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(0);
			expect(s.sandbox.count({ provider: 'kasha', method: 'GET', path: `/v2/payments/${other}` })).toBe(2);
			// the genuine one still runs
			const genuine = await signedPost(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' });
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
			s.sandbox.injectFault({ provider: 'kasha', path: `/v2/payments/${upper}`, kind: 'status', status: 200, body: { id: transaction.id, status: 'COMPLETED', paymentAmount: 42, currency: 'GBP' } });
			expect((await signedPost(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' })).status).toBe(200);
			expect((await signedPost(trigger.url(), { transactionId: upper, status: 'COMPLETED' })).status).toBe(200);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.executions[0].items[0].transactionId).toBe(transaction.id);
		});
	});

	test('a notification without a transaction ID is refused', async () => {
		await withTrigger({}, async (trigger) => {
			const response = await signedPost(trigger.url(), { status: 'COMPLETED' });
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
			const first = await signedPost(trigger.url(), payload);
			const second = await signedPost(trigger.url(), payload);
			const third = await signedPost(trigger.url(), payload, { format: 'form' });
			await trigger.settle();
			expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
			expect(trigger.executions).toHaveLength(1);
		});
	});

	test('status filter: other statuses are acknowledged without running the workflow', async () => {
		await withTrigger({ statuses: ['REFUNDED'] }, async (trigger) => {
			const transaction = await paidCardTransaction();
			const completed = await signedPost(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' });
			await trigger.settle();
			expect(completed.status).toBe(200);
			expect(trigger.executions).toHaveLength(0);
			const refund = await kit.run({ resource: 'payment', operation: 'refund', merchantReference: transaction.merchantReference });
			expect(refund.error).toBeUndefined();
			const refunded = await signedPost(trigger.url(), { transactionId: transaction.id, status: 'REFUNDED' });
			await trigger.settle();
			expect(refunded.status).toBe(200);
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.executions[0].items[0]).toMatchObject({ status: 'REFUNDED', confirmed: true });
		});
	});

	test('when Kasha cannot be asked, the notification is answered 503 (Kasha retries) and nothing runs', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			s.sandbox.injectFault({ provider: 'kasha', path: `/v2/payments/${transaction.id}`, kind: 'status', status: 500, times: 1 });
			const before = s.sandbox.count({ provider: 'kasha' });
			const response = await signedPost(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' });
			await trigger.settle();
			expect(response.status).toBe(503);
			// a lookup inside a webhook is not retried (the provider redelivers; each call counts against the budget)
			expect(s.sandbox.count({ provider: 'kasha', path: `/v2/payments/${transaction.id}` })).toBe(1);
			expect(trigger.executions).toHaveLength(0);
			expect(s.sandbox.count({ provider: 'kasha' }) - before).toBe(1);
			// the redelivery later succeeds
			const retry = await signedPost(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED' });
			await trigger.settle();
			expect(retry.status).toBe(200);
			expect(trigger.executions).toHaveLength(1);
		});
	}, 20000);

	test('card data and secrets echoed in a notification or by Kasha never reach the workflow', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			await signedPost(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED', cardnum: '4111111111111111', cardcvv: '123', extra: { CVV: '123', pin: '0000', cardNumber: '4111111111111111' } });
			await trigger.settle();
			const item = trigger.executions[0].output('After')[0];
			expect(JSON.stringify(item)).not.toMatch(/4111111111111111|"123"|"0000"/);
			// Kasha's own card fields (cardnum, cardcvv, expiry) are dropped, other secret names (CVV, pin) redacted, card numbers masked
			expect(item.notification.extra).toEqual({ CVV: '[redacted]', cardNumber: '************1111', pin: '[redacted]' });
			expect(item.notification.cardnum).toBeUndefined();
		});
	});

	test('a body over 64 KiB is refused with 413 before the signature check or any lookup, even validly signed', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const before = s.sandbox.count({ provider: 'kasha' });
			const big = await signedPost(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED', padding: 'x'.repeat(64 * 1024) });
			expect(big.status).toBe(413);
			const unsigned = await signedPost(trigger.url(), { transactionId: transaction.id, padding: 'x'.repeat(70 * 1024) }, { key: null });
			expect(unsigned.status).toBe(413);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(0);
			expect(s.sandbox.count({ provider: 'kasha' })).toBe(before);
			// just under the cap is a normal notification
			const fits = await signedPost(trigger.url(), { transactionId: transaction.id, status: 'COMPLETED', padding: 'x'.repeat(60 * 1024) });
			await trigger.settle();
			expect(fits.status).toBe(200);
			expect(trigger.executions).toHaveLength(1);
		});
	});

	test('with confirmation turned off a signed notification is emitted on its signature alone and Kasha is not asked', async () => {
		await withTrigger({ options: { confirm: false } }, async (trigger) => {
			const response = await signedPost(trigger.url(), { internalId: 'abc', status: 'completed' });
			const again = await signedPost(trigger.url(), { internalId: 'abc', status: 'completed' });
			const unsigned = await post(trigger.url(), { internalId: 'abc', status: 'FAILED' });
			await trigger.settle();
			expect([response.status, again.status, unsigned.status]).toEqual([200, 200, 401]);
			// signed values make the repeat key: the redelivery runs nothing
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.executions[0].items[0]).toMatchObject({ transactionId: 'abc', status: 'COMPLETED', confirmed: false, verification: 'signature' });
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

describe('Kasha Trigger: the x-signature (Kasha docs, "Signatures")', () => {
	test('unsigned, forged (wrong key), tampered or mis-encoded notifications are refused before any lookup', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const genuine = JSON.stringify({ internalId: transaction.id, status: 'COMPLETED', paymentAmount: 42, currency: 'GBP' });
			const tampered = genuine.replace('"paymentAmount":42', '"paymentAmount":4200');
			const digest = (body, key = kashaSandbox.DEMO.signatureKey) => require('crypto').createHmac('sha256', key).update(body);
			const cases = [
				['no x-signature', await post(trigger.url(), genuine)],
				['empty x-signature', await post(trigger.url(), genuine, { headers: { 'x-signature': '' } })],
				['signed with another key', await signedPost(trigger.url(), genuine, { key: 'not-the-merchant-key' })],
				['body changed after signing', await post(trigger.url(), tampered, { headers: { 'x-signature': signature(genuine) } })],
				['signature of another notification', await post(trigger.url(), genuine, { headers: { 'x-signature': signature('{}') } })],
				['hex instead of Base64', await post(trigger.url(), genuine, { headers: { 'x-signature': digest(genuine).digest('hex') } })],
				['Base64 without its padding', await post(trigger.url(), genuine, { headers: { 'x-signature': signature(genuine).replace(/=+$/, '') } })],
				['SHA-1 instead of SHA-256', await post(trigger.url(), genuine, { headers: { 'x-signature': require('crypto').createHmac('sha1', kashaSandbox.DEMO.signatureKey).update(genuine).digest('base64') } })],
				['the key itself as signature', await post(trigger.url(), genuine, { headers: { 'x-signature': kashaSandbox.DEMO.signatureKey } })],
			];
			await trigger.settle();
			for (const [name, response] of cases) {
				expect([name, response.status]).toEqual([name, 401]);
			}
			expect(cases[0][1].body.error).toContain('not signed');
			expect(cases[2][1].body.error).toContain('invalid x-signature');
			expect(trigger.executions).toHaveLength(0);
			expect(s.sandbox.count({ provider: 'kasha', method: 'GET' })).toBe(0);
			// the genuine one, signed, runs
			expect((await signedPost(trigger.url(), genuine)).status).toBe(200);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(1);
		});
	});

	test('a signature over the re-serialised JSON (Kasha\'s example: JSON.stringify of the parsed payload) is accepted too', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const payload = { internalId: transaction.id, status: 'COMPLETED', currency: 'GBP' };
			const pretty = JSON.stringify(payload, null, 2);
			const response = await post(trigger.url(), pretty, { headers: { 'x-signature': signature(JSON.stringify(payload)) } });
			// but a re-serialisation does not let a changed field through
			const changed = await post(trigger.url(), JSON.stringify({ ...payload, status: 'REFUNDED' }, null, 2), { headers: { 'x-signature': signature(JSON.stringify(payload)) } });
			await trigger.settle();
			expect([response.status, changed.status]).toEqual([200, 401]);
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.executions[0].items[0]).toMatchObject({ transactionId: transaction.id, verification: 'signature+lookup' });
		});
	});

	test('a form-encoded notification is checked over its raw body', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const payload = { internalId: transaction.id, status: 'COMPLETED' };
			const good = await signedPost(trigger.url(), payload, { format: 'form' });
			const bad = await post(trigger.url(), new URLSearchParams(payload).toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-signature': signature(JSON.stringify(payload)) } });
			await trigger.settle();
			expect([good.status, bad.status]).toEqual([200, 401]);
			expect(trigger.executions).toHaveLength(1);
		});
	});
});

describe('Kasha Trigger without a signature key (works as before the key existed)', () => {
	const noKey = { signatureSecretKey: '' };

	test('unsigned notifications are confirmed by lookup (verification "lookup"); internalId is read', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const response = await post(trigger.url(), { internalId: transaction.id, status: 'COMPLETED' });
			const forged = await post(trigger.url(), { internalId: '11111111-2222-3333-4444-555555555555', status: 'COMPLETED' });
			await trigger.settle();
			expect([response.status, forged.status]).toEqual([200, 401]);
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.executions[0].items[0]).toMatchObject({ transactionId: transaction.id, status: 'COMPLETED', confirmed: true, verification: 'lookup' });
		}, noKey);
	});

	test('a signature that comes anyway is ignored (there is no key to check it with)', async () => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const response = await post(trigger.url(), { internalId: transaction.id, status: 'COMPLETED' }, { headers: { 'x-signature': 'anything' } });
			await trigger.settle();
			expect(response.status).toBe(200);
			expect(trigger.executions[0].items[0].verification).toBe('lookup');
		}, noKey);
	});

	test('with confirmation off too, nothing verifies the event ("none"), and unverified values never make a repeat key', async () => {
		await withTrigger({ options: { confirm: false } }, async (trigger) => {
			// a forger sending first must not use up the key of the real event that follows
			const first = await post(trigger.url(), { internalId: 'abc', status: 'COMPLETED' });
			const second = await post(trigger.url(), { internalId: 'abc', status: 'COMPLETED' });
			await trigger.settle();
			expect([first.status, second.status]).toEqual([200, 200]);
			expect(trigger.executions).toHaveLength(2);
			expect(trigger.executions.map((execution) => execution.items[0].verification)).toEqual(['none', 'none']);
			expect(s.sandbox.count({ provider: 'kasha' })).toBe(0);
		}, noKey);
	});
});

describe('Kasha Trigger: transaction ID field names', () => {
	test.each([
		['internalId', (id) => ({ internalId: id })],
		['transactionId', (id) => ({ transactionId: id })],
		['transaction_id', (id) => ({ transaction_id: id })],
		['result.transactionId', (id) => ({ result: { transactionId: id } })],
		['result.internalId', (id) => ({ result: { internalId: id } })],
		['id', (id) => ({ id })],
	])('the ID in %s is read and confirmed', async (_name, shape) => {
		await withTrigger({}, async (trigger) => {
			const transaction = await paidCardTransaction();
			const response = await signedPost(trigger.url(), { ...shape(transaction.id), status: 'COMPLETED' });
			await trigger.settle();
			expect(response.status).toBe(200);
			expect(trigger.executions[0].items[0]).toMatchObject({ transactionId: transaction.id, verification: 'signature+lookup' });
		});
	});
});

describe('Kasha Trigger: the security suite\'s forgeries fail for the intended reason', () => {
	const cases = require('../security/cases/kasha');
	const send = (url, delivery) =>
		post(url, cases.bodyOf(delivery), { headers: { ...(delivery.format === 'form' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...(delivery.headers || {}) } });

	test('signature forgeries are refused by the signature check (401 before any lookup)', async () => {
		await withTrigger({}, async (trigger) => {
			for (const forged of cases.SIGNATURE_FORGERIES) {
				const delivery = await forged.build(s.sandbox);
				const lookupsBefore = s.sandbox.count({ provider: 'kasha', method: 'GET' });
				const response = await send(trigger.url(), delivery);
				expect([forged.name, response.status, /x-signature|not signed/.test(response.body.error)]).toEqual([forged.name, 401, true]);
				expect(s.sandbox.count({ provider: 'kasha', method: 'GET' })).toBe(lookupsBefore);
			}
			await trigger.settle();
			expect(trigger.executions).toHaveLength(0);
		});
	});

	test('validly signed lookup forgeries pass the signature and are refused by the ID check or the lookup', async () => {
		await withTrigger({}, async (trigger) => {
			for (const forged of cases.LOOKUP_FORGERIES.map(cases.signedForgery)) {
				s.sandbox.clearFaults();
				const delivery = await forged.build(s.sandbox);
				const response = await send(trigger.url(), delivery);
				expect([forged.name, response.status >= 400, /x-signature|not signed/.test(String(response.body && response.body.error))]).toEqual([forged.name, true, false]);
			}
			await trigger.settle();
			expect(trigger.executions).toHaveLength(0);
		});
	}, 30000);
});
