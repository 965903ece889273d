'use strict';
// KPAY errors: calls sent once and reconciled after a lost answer, and IDs refused by the shared request
// path before anything is sent.
const { providerKit } = require('../harness/provider');

const kit = providerKit('kpay');
const s = kit.handle;

describe('sent once, reconciled after a lost answer (issue 12)', () => {
	test('card add: a lost answer is an unknown outcome, not resent; run again, "already exists" returns the card', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/cards', method: 'POST', kind: 'drop-after' });
		const parameters = { resource: 'card', operation: 'create', cardNumber: '6219861234567898', ownerName: 'Owner' };
		const lost = await kit.run(parameters);
		expect(lost.error.message).toMatch(/card registration may or may not have been made: it was not sent again/);
		expect(lost.error.message).toContain('ending in 7898');
		expect(lost.error.message).not.toContain('6219861234567898');
		expect(kit.count({ method: 'POST', path: '/cards' })).toBe(1);
		const stored = s.sandbox.state('kpay').cards.find((card) => card.card_number === '6219861234567898');
		expect(stored).toBeDefined();

		const again = await kit.run(parameters);
		expect(again.error).toBeUndefined();
		expect(again.items).toEqual([{ alreadyExisted: true, response: expect.objectContaining({ id: stored.id, card_number: '************7898' }) }]);
		expect(kit.count({ method: 'POST', path: '/cards' })).toBe(2);
		expect(kit.count({ method: 'GET', path: '/cards' })).toBe(1);
		expect(s.sandbox.state('kpay').cards.filter((card) => card.card_number === '6219861234567898')).toHaveLength(1);
	});

	test('card add: a 5xx is not retried (the card may exist)', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/cards', method: 'POST', kind: 'status', status: 502 });
		const r = await kit.run({ resource: 'card', operation: 'create', cardNumber: '6219861234567898', ownerName: 'Owner' });
		expect(r.error.message).toMatch(/may or may not have been made/);
		expect(kit.count({ method: 'POST', path: '/cards' })).toBe(1);
	});

	test('register: a lost answer is an unknown outcome, not resent; run again, "already registered" logs in with the same password', async () => {
		s.sandbox.injectFault({ provider: 'kpay', path: '/auth/register', kind: 'drop-after' });
		const parameters = { resource: 'auth', operation: 'register', name: 'Lost Answer', mobile: '09350007788', password: 'new-user-pass' };
		const lost = await kit.run(parameters);
		expect(lost.error.message).toMatch(/registration may or may not have been made: it was not sent again/);
		expect(kit.count({ method: 'POST', path: '/auth/register' })).toBe(1);
		const again = await kit.run(parameters);
		expect(again.error).toBeUndefined();
		expect(again.items[0]).toMatchObject({ mobile: '09350007788', alreadyRegistered: true, response: { token_type: 'bearer' } });
		expect(again.items[0].response.access_token).toMatch(/^kpat_/);
		expect(JSON.stringify(again.items)).not.toContain('new-user-pass');
		expect(s.sandbox.state('kpay').users.filter((u) => u.mobile === '09350007788')).toHaveLength(1);
	});
});

describe('IDs that would climb or reshape the URL path are refused before sending (shared request path)', () => {
	test.each([
		['crypto payment ID ".."', { resource: 'crypto', operation: 'getPayment', paymentId: '..' }],
		['crypto payment ID "."', { resource: 'crypto', operation: 'getPayment', paymentId: '.' }],
		['crypto payment ID "../balances"', { resource: 'crypto', operation: 'getPayment', paymentId: '../balances' }],
		['authority ".." (check status)', { resource: 'transaction', operation: 'checkStatus', authority: '..' }],
		['authority ".." as a locator (payment info)', { resource: 'transaction', operation: 'getPaymentInfo', authority: { __rl: true, mode: 'id', value: '..' } }],
		['shop ID ".."', { resource: 'shop', operation: 'regenerateKey', shopId: '..' }],
		['shop ID "a/../b" from the list mode', { resource: 'shop', operation: 'regenerateKey', shopId: { __rl: true, mode: 'list', value: 'a/../b' } }],
		['"?" in an authority', { resource: 'transaction', operation: 'checkStatus', authority: 'KP1?x=1' }],
		['"#" in an authority', { resource: 'transaction', operation: 'getPaymentInfo', authority: 'KP1#x' }],
		['"\\" in an authority', { resource: 'transaction', operation: 'getPaymentInfo', authority: 'a\\b' }],
	])('%s', async (_name, parameters) => {
		const r = await kit.run(parameters);
		expect(r.error.name).toBe('NodeOperationError');
		expect(r.error.message).toMatch(/^Refused to send: path segment \d+ is "\.\.?"|^Refused to send: path segment \d+ contains/);
		expect(kit.count()).toBe(0);
	});

	test('"%" in an ID stays inside its path segment: "%2e%2e" is sent encoded once, never as ".."', async () => {
		const r = await kit.run({ resource: 'transaction', operation: 'checkStatus', authority: '%2e%2e' }, { credentials: kit.credentials({ authMode: 'apiKey', apiKey: kit.DEMO.shopApiKey }) });
		expect(r.error.httpCode).toBe('404');
		expect(kit.requests().map((q) => q.path)).toEqual(['/transactions/check/%252e%252e']);
	});
});
