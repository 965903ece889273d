'use strict';
const { runNode, runWorkflow, startTrigger, loadOptions, node, chain } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const { paymentSession, payoutSession, card } = require('./fixtures');

const kit = providerKit('kasha');
const s = kit.handle;
const kashaState = () => s.sandbox.state('kasha');

describe('Kasha full flows through n8n', () => {
	test('initiate → sub-options → post → notification → status, without copying any id', async () => {
		const trigger = await startTrigger({
			trigger: node('Kasha Trigger', 'kashaTrigger', { statuses: ['COMPLETED'] }),
			downstream: [node('Status', 'kasha', { resource: 'payment', operation: 'getStatus' })],
			credentials: kit.credentials(),
		});
		try {
			expect(await trigger.activate()).toEqual(['exists']);
			const nodes = [
				node('Start', 'harness.start'),
				node('Initiate', 'kasha', paymentSession({ country: 'RU', currency: 'RUB', amount: '2500', additionalFields: { merchantReference: 'flow-1', notificationUrl: trigger.url() } })),
				node('Banks', 'kasha', { resource: 'payment', operation: 'getSubOptions', paymentOption: 'Online Banking' }),
				node('Post', 'kasha', { resource: 'payment', operation: 'post', paymentOption: 'Online Banking', optionId: '={{ $json.options.find(o => o.name === "VTB").id }}', methodFields: { field: [{ name: 'phone', value: '+79991234567' }] } }),
			];
			const run = await runWorkflow({ nodes, connections: chain('Start', 'Initiate', 'Banks', 'Post'), credentials: kit.credentials() });
			expect(run.error).toBeUndefined();
			const initiated = run.output('Initiate')[0].json;
			const posted = run.output('Post')[0].json;
			expect(posted).toMatchObject({ sessionId: initiated.sessionId, transactionId: initiated.transactionId, optionId: 'b_24', action: 'redirect', response: { statusCode: '300', resultType: 'redirect' } });
			expect(kashaState().transactions.get(initiated.transactionId).status).toBe('PENDING');

			// the customer completes the payment at the bank; Kasha notifies the trigger
			const done = await s.sandbox.handleControl('POST', `/_control/kasha/transactions/${initiated.transactionId}/complete`, { status: 'COMPLETED' });
			expect(done[0]).toBe(200);
			await kit.waitFor(() => s.sandbox.webhooks.length === 1);
			await trigger.settle();
			expect(s.sandbox.webhooks[0].status).toBe(200);
			expect(trigger.executions).toHaveLength(1);
			const emitted = trigger.executions[0].items[0];
			expect(emitted).toMatchObject({ transactionId: initiated.transactionId, status: 'COMPLETED', confirmed: true, merchantReference: 'flow-1', paymentAmount: 2500, method: 'Online Banking' });
			expect(trigger.executions[0].output('Status')[0]).toMatchObject({ id: initiated.transactionId, status: 'COMPLETED' });
			// confirmed with Kasha: one status lookup by the trigger, one by the downstream node
			expect(s.sandbox.count({ provider: 'kasha', method: 'GET', path: `/v2/payments/${initiated.transactionId}` })).toBe(2);
			expect(kashaState().balances.RUB).toBe(2500 * 1e8);
		} finally {
			await trigger.close();
		}
	});

	test('payout → sub-options → create → confirm (APPROVE) → notification; balance moves once', async () => {
		const trigger = await startTrigger({ trigger: node('Kasha Trigger', 'kashaTrigger', {}), credentials: kit.credentials() });
		try {
			const before = kashaState().balances.ARS;
			const nodes = [
				node('Start', 'harness.start'),
				node('Initiate', 'kasha', payoutSession({ additionalFields: { merchantReference: 'payout-1', notificationUrl: trigger.url() } })),
				node('Options', 'kasha', { resource: 'payout', operation: 'getSubOptions', paymentOption: 'Bank Transfer' }),
				node('Create', 'kasha', { resource: 'payout', operation: 'create', paymentOption: 'Bank Transfer', optionId: '={{ $json.options[0].id }}', methodFields: { field: [{ name: 'name', value: 'John Smith' }, { name: 'phone', value: '25412340000' }] } }),
			];
			const run = await runWorkflow({ nodes, connections: chain('Start', 'Initiate', 'Options', 'Create'), credentials: kit.credentials() });
			expect(run.error).toBeUndefined();
			const initiated = run.output('Initiate')[0].json;
			expect(initiated.paymentOptions[0]).toMatchObject({ name: 'Bank Transfer', paymentOptionId: 'dfb7a9c4-1e87-4803-9929-091d946999d3' });
			const options = run.output('Options')[0].json;
			expect(options.formInputs.map((f) => f.name)).toEqual(['name', 'phone']);
			const created = run.output('Create')[0].json;
			expect(created).toMatchObject({ transactionId: initiated.transactionId, optionId: 'd_316', response: { resultType: 'success' } });
			expect(kashaState().transactions.get(created.transactionId).status).toBe('PENDING');
			expect(kashaState().balances.ARS).toBe(before); // nothing moves before confirmation
			expect(s.sandbox.webhooks).toHaveLength(0);

			const confirm = await kit.run({ resource: 'payout', operation: 'confirm', settleAction: 'APPROVE' }, { items: [created] });
			expect(confirm.error).toBeUndefined();
			expect(confirm.items[0]).toMatchObject({ action: 'APPROVE', status: 'PROCESSING', transactionId: created.transactionId, merchantReference: 'payout-1' });
			await kit.waitFor(() => s.sandbox.webhooks.length === 1);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.executions[0].items[0]).toMatchObject({ transactionId: created.transactionId, status: 'COMPLETED', type: 'payout', confirmed: true });
			expect(kashaState().balances.ARS).toBe(before - 200 * 1e8);

			// a second confirmation is refused and moves nothing
			const again = await kit.run({ resource: 'payout', operation: 'confirm', settleAction: 'APPROVE' }, { items: [created] });
			expect(again.error.message).toContain('not PENDING');
			expect(kashaState().balances.ARS).toBe(before - 200 * 1e8);
			expect(s.sandbox.count({ provider: 'kasha', path: '/v2/settle-payout' })).toBe(2);
		} finally {
			await trigger.close();
		}
	});

	test('payout DECLINE marks it declined, notifies, and moves no money', async () => {
		const trigger = await startTrigger({ trigger: node('Kasha Trigger', 'kashaTrigger', { statuses: ['DECLINED'] }), credentials: kit.credentials() });
		try {
			const before = kashaState().balances.GBP;
			const init = await kit.run(payoutSession({ country: 'GB', currency: 'GBP', amount: '75.25', additionalFields: { notificationUrl: trigger.url() } }));
			const created = await kit.run({ resource: 'payout', operation: 'create', paymentOption: 'Bank Transfer', optionId: 'd_400', methodFields: { field: [{ name: 'name', value: 'Jane Roe' }, { name: 'bankAccount', value: '12-34' }] } }, { items: init.items });
			expect(created.error.context.providerCode).toBe('1005'); // bank account format
			const init2 = await kit.run(payoutSession({ country: 'GB', currency: 'GBP', amount: '75.25', additionalFields: { notificationUrl: trigger.url() } }));
			const ok = await kit.run({ resource: 'payout', operation: 'create', paymentOption: 'Bank Transfer', optionId: 'd_400', methodFields: { field: [{ name: 'name', value: 'Jane Roe' }, { name: 'bankAccount', value: '123456-12345678' }] } }, { items: init2.items });
			expect(ok.error).toBeUndefined();
			const declined = await kit.run({ resource: 'payout', operation: 'confirm', settleAction: 'DECLINE' }, { items: ok.items });
			expect(declined.items[0]).toMatchObject({ status: 'DECLINED', action: 'DECLINE' });
			await kit.waitFor(() => s.sandbox.webhooks.length === 1);
			await trigger.settle();
			expect(trigger.executions).toHaveLength(1);
			expect(trigger.executions[0].items[0]).toMatchObject({ status: 'DECLINED', transactionId: ok.items[0].transactionId });
			expect(kashaState().balances.GBP).toBe(before);
		} finally {
			await trigger.close();
		}
	});

	test('payout hosted cashier link', async () => {
		const r = await kit.run(payoutSession({ operation: 'getHostedCashierLink', additionalFields: { userId: 'u-1', language: 'pt', extra1: 'a' } }));
		expect(r.error).toBeUndefined();
		expect(r.items[0].url).toContain('/kasha/cashier/');
		const sent = s.sandbox.requests.find((e) => e.path === '/v2/payout-session').body;
		expect(sent).toMatchObject({ country: 'AR', currency: 'ARS', amount: 200, userId: 'u-1', language: 'PT', extra1: 'a', customer: { name: 'John Smith' } });
		expect(kashaState().sessions.get(r.items[0].sessionId).type).toBe('payout');
	});

	test('Pay (Initiate and Post) with a card returns every intermediate id', async () => {
		const r = await kit.run(paymentSession({ operation: 'pay', country: 'GB', currency: 'GBP', amount: '19.99', paymentOptionName: 'card', card: card(), merchantReference: 'pay-1' }));
		expect(r.error).toBeUndefined();
		const out = r.items[0];
		expect(out).toMatchObject({ merchantReference: 'pay-1', paymentOptionName: 'Card', card: { last4: '1111' }, money: { amount: '19.99', currency: 'GBP', minor: 1999 }, response: { statusCode: '000', resultType: 'success' } });
		expect(out.sessionId).toBeTruthy();
		expect(out.paymentOptionId).toHaveLength(96);
		expect(kashaState().transactions.get(out.transactionId)).toMatchObject({ status: 'COMPLETED', merchantReference: 'pay-1', paymentAmount: 19.99 });
		expect(s.sandbox.count({ provider: 'kasha', path: '/v2/payment-suboptions' })).toBe(0); // not for card
		expect(JSON.stringify(out)).not.toContain('4111111111111111');
	});

	test('Pay with a bank sub-option by name runs initiate → sub-options → post', async () => {
		const r = await kit.run(paymentSession({ operation: 'pay', country: 'RU', currency: 'RUB', paymentOptionName: 'Online Banking', subOption: 'alfa-bank', methodFields: { field: [{ name: 'phone', value: '+79991234567' }] }, idempotencyKey: 'flow-pay-bank' }));
		expect(r.error).toBeUndefined();
		expect(r.items[0]).toMatchObject({ optionId: 'b_26', optionName: 'Alfa-Bank', paymentOptionName: 'Online Banking', response: { resultType: 'redirect' } });
		expect(s.sandbox.requests.filter((e) => e.provider === 'kasha').map((e) => e.path)).toEqual(['/v2/payment-options', '/v2/payment-suboptions', '/v2/direct-payment']);
	});

	test('Pay: a declined card is an error that carries the session and transaction', async () => {
		const r = await kit.run(paymentSession({ operation: 'pay', country: 'GB', currency: 'GBP', paymentOptionName: 'Card', card: card('4000000000000127'), idempotencyKey: 'flow-pay-declined' }));
		expect(r.error.message).toContain('3004');
		expect(r.error.message).toContain('Invalid CVV2/CVC2');
		const [transaction] = kashaState().transactions.values();
		expect(r.error.description).toContain(transaction.id);
		expect(r.error.description).toContain(transaction.sessionId);
		expect(transaction.status).toBe('DECLINED');
	});

	test('Pay: an option the country does not offer stops before any payment', async () => {
		const r = await kit.run(paymentSession({ operation: 'pay', country: 'GB', currency: 'GBP', paymentOptionName: 'PIX', card: card(), idempotencyKey: 'flow-pay-pix' }));
		expect(r.error.message).toContain('not offered');
		expect(r.error.description).toContain('offered: Card, Bank Transfer');
		expect(s.sandbox.count({ provider: 'kasha', path: '/v2/direct-payment' })).toBe(0);
	});
});

describe('Kasha dropdowns (loadOptions) and the Sub-Option locator (listSearch)', () => {
	test('payment options by name from the session, sub-options listed from Kasha with the session id, filtered by the typed text', async () => {
		const init = await kit.run(paymentSession({ country: 'RU', currency: 'RUB' }));
		const session = init.items[0];
		const options = await kit.loadOptions('getSessionPaymentOptions', { resource: 'payment', operation: 'post', sessionId: session.sessionId, sessionPaymentOptions: session.paymentOptions });
		expect(options.map((o) => o.value)).toEqual(['Card', 'Online Banking']);
		const parameters = { resource: 'payment', operation: 'post', sessionId: session.sessionId, sessionPaymentOptions: session.paymentOptions, paymentOption: 'Online Banking' };
		const banks = await kit.listSearch('searchPaymentSubOptions', undefined, parameters);
		expect(banks.results).toContainEqual({ name: 'Alfa-Bank', value: 'b_26' });
		expect(banks.results).toHaveLength(5);
		expect(s.sandbox.requests.filter((e) => e.path === '/v2/payment-suboptions').pop().body).toEqual({ sessionId: session.sessionId, paymentOptionId: session.paymentOptions[1].paymentOptionId });
		const alfa = await kit.listSearch('searchPaymentSubOptions', 'alfa', parameters);
		expect(alfa.results).toEqual([{ name: 'Alfa-Bank', value: 'b_26' }]);
	});

	test('payout sub-options are listed from Kasha', async () => {
		const init = await kit.run(payoutSession());
		const session = init.items[0];
		const subs = await kit.listSearch('searchPayoutSubOptions', '', { resource: 'payout', operation: 'create', sessionId: session.sessionId, sessionPaymentOptions: JSON.stringify(session.paymentOptions), paymentOption: 'Bank Transfer' });
		expect(subs.results).toEqual([{ name: 'name', value: 'd_316' }]);
	});

	test('without a session the dropdown and the list explain what to do, and nothing is sent', async () => {
		await expect(kit.loadOptions('getSessionPaymentOptions', { sessionPaymentOptions: '={{ $json.paymentOptions }}' })).rejects.toThrow('run the Initiate step');
		await expect(kit.listSearch('searchPaymentSubOptions', undefined, { sessionId: '' })).rejects.toThrow('Set the Session ID');
		await expect(kit.listSearch('searchPayoutSubOptions', undefined, { sessionId: '' })).rejects.toThrow('Set the Session ID');
		expect(s.sandbox.count({ provider: 'kasha' })).toBe(0);
	});

	test('a Sub-Option saved as a plain ID (before it was a locator) or picked from the list is sent as the ID', async () => {
		for (const optionId of ['b_26', { __rl: true, mode: 'list', value: 'b_26', cachedResultName: 'Alfa-Bank' }]) {
			const init = await kit.run(paymentSession({ country: 'RU', currency: 'RUB' }));
			const r = await kit.run({ resource: 'payment', operation: 'post', paymentOption: 'Online Banking', optionId, methodFields: { field: [{ name: 'phone', value: '+79991234567' }] } }, { items: init.items });
			expect(r.error).toBeUndefined();
			expect(r.items[0].optionId).toBe('b_26');
			expect(s.sandbox.requests.filter((e) => e.path === '/v2/direct-payment').pop().body.optionId).toBe('b_26');
		}
	});

	test('the parameters the e2e expectations give the editor calls (test/e2e/expectations/kasha.js) answer from the sandbox', async () => {
		const { listSearch: calls } = require('../e2e/expectations/kasha');
		for (const [method, extra] of Object.entries(calls)) {
			const parameters = typeof extra.parameters === 'function' ? await extra.parameters({ sandbox: s.sandbox }) : extra.parameters;
			const answer = method.startsWith('search') ? (await kit.listSearch(method, undefined, parameters)).results : await kit.loadOptions(method, parameters);
			expect([method, answer.length > 0]).toEqual([method, true]);
		}
	});
});
