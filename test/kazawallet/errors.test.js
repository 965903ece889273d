'use strict';
// Kazawallet's failures through n8n's engine against the sandbox: its error shapes with their hints, money
// that did not move, lost answers and answers without the evidence of success (unknown outcomes, never sent
// again), and reads retried.
const { providerKit } = require('../harness/provider');

const k = providerKit('kazawallet');
const { DEMO } = k;

describe('errors', () => {
	test('the provider error with a key is shown with its hint; continueOnFail gives the code', async () => {
		const failed = await k.run({ resource: 'paymentLink', operation: 'create', amount: '5', currency: 'USD', email: 'stranger@example.com' });
		expect(failed.error.message).toContain('User not found (USER_NOT_FOUND)');
		expect(failed.error.description).toContain('No Kazawallet account exists');
		const continued = await k.run({ resource: 'paymentLink', operation: 'create', amount: '5', currency: 'USD', email: 'stranger@example.com' }, { continueOnFail: true });
		expect(continued.items[0]).toMatchObject({ errorCode: 'USER_NOT_FOUND', httpCode: '400' });
		expect(k.count({ path: '/createPaymentLink' })).toBe(2);
	});

	test('insufficient balance (success: false, HTTP 200) is an error and nothing moves', async () => {
		const result = await k.run({ resource: 'transfer', operation: 'create', idempotencyKey: 'test-transfer-create', email: 'alice@example.com', currency: 'USD', amount: '20000.00' });
		expect(result.error.message).toBe('Kazawallet: Insufficient balance');
		expect(result.error.description).toContain('does not hold enough funds');
		expect(k.state().accounts[DEMO.merchantEmail].USD).toBe('10000.00');
	});

	test('a lost answer is reported as unknown and the transfer is not sent again', async () => {
		k.sandbox.injectFault({ provider: 'kazawallet', path: '/transfer-from-merchant-to-user', kind: 'drop-after' });
		const result = await k.run({ resource: 'transfer', operation: 'create', idempotencyKey: 'test-transfer-create', email: 'bob@example.com', currency: 'USD', amount: '7.00' });
		expect(result.error.message).toContain('may or may not have been made');
		expect(result.error.message).toContain('bob@example.com');
		expect(k.count({ path: '/transfer-from-merchant-to-user' })).toBe(1);
		expect(k.state().accounts['bob@example.com'].USD).toBe('7.00');
	});

	test('a 200 answer without the evidence of success is an unknown outcome, never a success', async () => {
		for (const [path, parameters] of [
			['/transfer-from-merchant-to-user', { resource: 'transfer', operation: 'create', idempotencyKey: 'ev-1', email: 'bob@example.com', currency: 'USD', amount: '1.00' }],
			['/wallet-cards/create-then-topup', { resource: 'card', operation: 'issue', idempotencyKey: 'ev-2', email: 'alice@example.com', amount: '1.00', cardType: 'basic' }],
			['/gift-card/create', { resource: 'giftCard', operation: 'create', idempotencyKey: 'ev-3', currency: 'USD', amount: '1.00' }],
			['/createPaymentLink', { resource: 'paymentLink', operation: 'create', amount: '1.00', currency: 'USD' }],
			['/createDepositRequest', { resource: 'deposit', operation: 'create', email: 'bob@example.com', currency: 'USD', amount: '1.00', paymentMethod: '15' }],
		]) {
			k.sandbox.injectFault({ provider: 'kazawallet', path, kind: 'status', status: 200, body: { status: 'ok', message: 'done' } });
			const result = await k.run(parameters);
			expect([path, result.error && result.error.message]).toEqual([path, expect.stringContaining('may or may not have been made')]);
		}
	});

	test('reads are retried after a 503', async () => {
		k.sandbox.injectFault({ provider: 'kazawallet', path: '/get-rate', kind: 'status', status: 503 });
		const result = await k.run({ resource: 'wallet', operation: 'getRates' });
		expect(result.error).toBeUndefined();
		expect(k.count({ path: '/get-rate' })).toBe(2);
	});
});
