'use strict';
// Every Kazawallet operation through n8n's engine against the sandbox: outputs and the sandbox's state.
const { testCredential, loadOptions } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');

const k = providerKit('kazawallet');
const { DEMO } = k;

async function issueCard(email = 'alice@example.com', amount = '25.00', cardType = 'basic') {
	const result = await k.run({ resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email, amount, cardType });
	expect(result.error).toBeUndefined();
	return result.items[0].card.id;
}

describe('credential', () => {
	test('the test request proves key, secret and merchant email', async () => {
		const good = k.credentials().kazawalletApi;
		expect((await testCredential('kazawalletApi', good)).ok).toBe(true);
		const sent = k.requests('/get-merchant-wallets')[0].headers;
		expect(sent['x-api-key']).toBe(DEMO.apiKey);
		expect(sent['x-api-secret']).toBe(DEMO.apiSecret);
		expect(sent['merchant-email']).toBe(DEMO.merchantEmail);
		for (const wrong of [{ apiKey: 'nope' }, { apiSecret: 'nope' }, { merchantEmail: 'other@kazawallet.test' }]) {
			const result = await testCredential('kazawalletApi', { ...good, ...wrong });
			expect(result.ok).toBe(false);
		}
	});
});

describe('payment link', () => {
	test('create sends the API key only and returns the link', async () => {
		const result = await k.run({ resource: 'paymentLink', operation: 'create', amount: '10.00', currency: 'usd', ref: 'order-77', redirectUrl: 'https://shop.example.com/thanks' });
		expect(result.error).toBeUndefined();
		const item = result.items[0];
		expect(item.url).toMatch(/^https:\/\/pay\.kazawallet\.test\/link\/pl-/);
		expect(item.order_id).toMatch(/^pl-/);
		const [request] = k.requests('/createPaymentLink');
		expect(request.headers['x-api-key']).toBe(DEMO.apiKey);
		expect(request.headers['x-api-secret']).toBeUndefined();
		expect(request.headers['merchant-email']).toBeUndefined();
		expect(request.body).toEqual({ amount: '10.00', currency: 'USD', email: DEMO.merchantEmail, ref: 'order-77', redirectUrl: 'https://shop.example.com/thanks' });
		expect(k.state().paymentLinks).toHaveLength(1);
		expect(k.state().paymentLinks[0].headers).toEqual({ secretSent: false, emailSent: false });
		expect(result.raw[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('withdrawal', () => {
	test('create sends the method fields and holds the amount once', async () => {
		const result = await k.run({
			resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: DEMO.merchantEmail, currency: 'USDT', amount: '12.12345678',
			paymentMethod: '15', note: 'payout 9', methodFields: { field: [{ name: 'wallet_address', value: 'TXyz123' }, { name: 'memo', value: 'm1' }] },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({ money: { amount: '12.12345678', currency: 'USDT' }, response: { success: true, status: 'pending', withdrawal: { status: 'pending', amount: '12.12345678' } } });
		const [request] = k.requests('/createWithdrawalRequest');
		expect(request.body).toEqual({ email: DEMO.merchantEmail, currency: 'USDT', amount: '12.12345678', note: 'payout 9', paymentMethod: '15', fields: { wallet_address: 'TXyz123', memo: 'm1' } });
		expect(k.state().accounts[DEMO.merchantEmail].USDT).toBe('4987.87654322');
	});

	test('a missing method field is refused by Kazawallet (success: false with HTTP 200) and nothing moves', async () => {
		const result = await k.run({ resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: DEMO.merchantEmail, currency: 'USDT', amount: '1', paymentMethod: '15' });
		expect(result.error.message).toContain('The field wallet_address is required for USDT-TRC20');
		expect(k.state().accounts[DEMO.merchantEmail].USDT).toBe('5000.00000000');
		expect(k.state().withdrawals).toHaveLength(0);
	});

	test('the dropdowns load the documented methods of the environment and the method fields from the API', async () => {
		// the sandbox credential is a Custom URL with development ids (editor.test.js covers every environment)
		const methods = await k.loadOptions('getPaymentMethods');
		expect(methods.map((m) => m.value)).toEqual(['15', '13']);
		expect(methods[0].name).toBe('USDT-TRC20 (15)');
		const fields = await loadOptions({ type: 'kazawallet', method: 'getPaymentMethodFields', parameters: { resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', paymentMethod: '15' }, credentials: k.credentials() });
		expect(fields).toEqual([
			{ name: 'TRC20 wallet address (required)', value: 'wallet_address', description: 'wallet_address' },
			{ name: 'Memo', value: 'memo', description: 'memo' },
		]);
		expect(k.requests('/get-payment-method-fields')[0].headers['x-api-secret']).toBe(DEMO.apiSecret);
	});
});

describe('wallet', () => {
	test('get balances: one item per wallet, or one currency', async () => {
		const all = await k.run({ resource: 'wallet', operation: 'getBalances' });
		// Kazawallet's value untouched, and the same as money (major units, exact)
		expect(all.items).toHaveLength(3);
		expect(all.items).toMatchObject([
			{ currency: 'USD', amount: '10000.00', money: { amount: '10000', currency: 'USD', minor: 1000000 } },
			{ currency: 'EUR', amount: '2000.00', money: { amount: '2000', currency: 'EUR', minor: 200000 } },
			{ currency: 'USDT', amount: '5000.00000000', money: { amount: '5000', currency: 'USDT' } },
		]);
		const usdt = await k.run({ resource: 'wallet', operation: 'getBalances', currency: 'usdt' });
		expect(usdt.items.map((item) => [item.currency, item.amount])).toEqual([['USDT', '5000.00000000']]);
	});

	test('get rates', async () => {
		const result = await k.run({ resource: 'wallet', operation: 'getRates' });
		expect(result.items[0].rates).toMatchObject({ USD: '1', EUR: '0.92' });
	});

	test('get payment method fields, all or one slug', async () => {
		const all = await k.run({ resource: 'wallet', operation: 'getPaymentMethodFields', paymentMethod: '15' });
		expect(all.items[0].fieldSlugs).toEqual(['wallet_address', 'memo']);
		const one = await k.run({ resource: 'wallet', operation: 'getPaymentMethodFields', paymentMethod: '15', field: 'memo' });
		expect(one.items[0].fieldSlugs).toEqual(['memo']);
		expect(k.requests('/get-payment-method-fields').map((r) => r.body)).toHaveLength(2);
		const unknown = await k.run({ resource: 'wallet', operation: 'getPaymentMethodFields', paymentMethod: '999' });
		expect(unknown.error.message).toContain('Payment method not found');
	});
});

describe('deposit and transfer', () => {
	test('deposit: created pending, the user is credited when it settles', async () => {
		const result = await k.run({ resource: 'deposit', operation: 'create', email: 'alice@example.com', currency: 'USDT', amount: '20', paymentMethod: '15', methodFields: { field: [{ name: 'wallet_address', value: 'Tabc' }] } });
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({ status: 'pending', money: { amount: '20', currency: 'USDT' }, response: { success: true } });
		expect(result.items[0].transactionId).toMatch(/^de-/);
		const [request] = k.requests('/createDepositRequest');
		expect(request.body).toEqual({ merchantEmail: DEMO.merchantEmail, email: 'alice@example.com', currency: 'USDT', amount: '20', note: '', paymentMethod: 15, fields: { wallet_address: 'Tabc' } });
		expect(k.state().accounts['alice@example.com'].USDT).toBe('50.00000000');
		await k.control('POST', `/deposits/${result.items[0].transactionId}/settle`, { status: 'completed' });
		expect(k.state().accounts['alice@example.com'].USDT).toBe('70.00000000');
	});

	test('transfer moves money from the merchant to the user once', async () => {
		const result = await k.run({ resource: 'transfer', operation: 'create', idempotencyKey: 'test-transfer-create', email: 'alice@example.com', currency: 'USD', amount: '25.50', note: 'bonus' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].response.transfer).toMatchObject({ email: 'alice@example.com', amount: '25.50' });
		expect(result.items[0].money).toEqual({ amount: '25.5', currency: 'USD', minor: 2550 });
		const state = k.state();
		expect(state.accounts[DEMO.merchantEmail].USD).toBe('9974.50');
		expect(state.accounts['alice@example.com'].USD).toBe('125.50');
	});
});

describe('cards', () => {
	test('issue (basic and plus) charges fee and top-up; the card number is masked and CVV left out', async () => {
		const result = await k.run({ resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email: 'alice@example.com', amount: '25.00', cardType: 'basic' });
		const card = result.items[0].card;
		expect(card.id).toMatch(/^kc-/);
		expect(card.cardNumber).toMatch(/^\*{12}\d{4}$/);
		expect(card.cvv).toBe('[redacted]');
		expect(card.balance).toBe('25.00');
		expect(k.requests('/wallet-cards/create-then-topup')[0].body).toEqual({ email: 'alice@example.com', amount: '25.00', cardType: 'basic' });
		expect(k.state().accounts[DEMO.merchantEmail].USD).toBe('9970.00');
		await issueCard('alice@example.com', '1.00', 'plus');
		expect(k.state().accounts[DEMO.merchantEmail].USD).toBe('9959.00');
		expect(k.state().cards.map((c) => c.cardType)).toEqual(['basic', 'plus']);
	});

	test('top up, lock, unlock and cancel change the card', async () => {
		const cardId = await issueCard();
		const topUp = await k.run({ resource: 'card', operation: 'topUp', idempotencyKey: 'test-card-topUp', cardId, amount: '10.00' });
		expect(topUp.items[0]).toMatchObject({ cardId, amount: '10.00', money: { amount: '10', currency: 'USD', minor: 1000 }, response: { success: true, card: { balance: '35.00' } } });
		expect(k.requests('/wallet-cards/topup')[0]).toMatchObject({ method: 'PUT', body: { cardId, amount: '10.00' } });
		await k.run({ resource: 'card', operation: 'lock', cardId });
		expect(k.state().cards[0].locked).toBe(true);
		await k.run({ resource: 'card', operation: 'unlock', cardId });
		expect(k.state().cards[0].locked).toBe(false);
		const cancel = await k.run({ resource: 'card', operation: 'cancel', cardId });
		expect(cancel.items[0]).toMatchObject({ cardId, money: { amount: '35', currency: 'USD' }, response: { refunded: '35.00' } });
		expect(k.state().cards[0]).toMatchObject({ status: 'cancelled', balance: '0.00' });
		expect(k.state().accounts[DEMO.merchantEmail].USD).toBe('9995.00');
		const again = await k.run({ resource: 'card', operation: 'lock', cardId });
		expect(again.error.message).toContain('CARD_CANCELLED');
	});

	test('cancel after a lost answer: running again finds the card already cancelled and returns it', async () => {
		const cardId = await issueCard();
		k.sandbox.injectFault({ provider: 'kazawallet', path: '/wallet-cards/cancel', kind: 'drop-after' });
		const lost = await k.run({ resource: 'card', operation: 'cancel', cardId });
		expect(lost.error.message).toContain('card cancellation may or may not have been made');
		expect(k.state().cards[0].status).toBe('cancelled');
		const again = await k.run({ resource: 'card', operation: 'cancel', cardId });
		expect(again.error).toBeUndefined();
		expect(again.items[0]).toMatchObject({ cardId, alreadyCancelled: true, card: { id: cardId, status: 'cancelled' } });
		expect(again.items[0].card.cvv).toBe('[redacted]');
		expect(k.count({ path: '/wallet-cards/cancel' })).toBe(2);
		// a refusal for another reason is still an error
		const unknown = await k.run({ resource: 'card', operation: 'cancel', cardId: 'kc-404' });
		expect(unknown.error.message).toContain('CARD_NOT_FOUND');
	});

	test('get many: Return All walks pages, Limit stops', async () => {
		k.raw().pageSize = 2;
		for (const amount of ['1.00', '2.00', '3.00']) await issueCard('alice@example.com', amount);
		const all = await k.run({ resource: 'card', operation: 'getMany', returnAll: true });
		expect(all.items.map((c) => c.balance)).toEqual(['1.00', '2.00', '3.00']);
		// Simplify (on by default): the fields most workflows map, the number masked, no CVV at all
		expect(all.items.every((c) => /^\*+\d{4}$/.test(c.cardNumber) && !('cvv' in c) && !('expiry' in c))).toBe(true);
		expect(all.items[0].money).toEqual({ amount: '1', currency: 'USD', minor: 100 });
		expect(k.count({ path: '/get-merchant-wallets-cards' })).toBe(2);
		const raw = await k.run({ resource: 'card', operation: 'getMany', returnAll: true, simplify: false });
		expect(raw.items.every((c) => /^\*+\d{4}$/.test(c.cardNumber) && c.cvv === '[redacted]' && c.expiry)).toBe(true);
		expect(k.count({ path: '/get-merchant-wallets-cards' })).toBe(4);
		const limited = await k.run({ resource: 'card', operation: 'getMany', returnAll: false, limit: 2 });
		expect(limited.items).toHaveLength(2);
		expect(k.count({ path: '/get-merchant-wallets-cards' })).toBe(5);
	});

	test('get details: masked unless asked', async () => {
		const cardId = await issueCard();
		const masked = await k.run({ resource: 'card', operation: 'get', cardId });
		expect(masked.items[0]).toMatchObject({ id: cardId, balance: '25.00', locked: false });
		expect(masked.items[0].cardNumber).toMatch(/^\*{12}\d{4}$/);
		expect(masked.items[0].cvv).toBe('[redacted]');
		const full = await k.run({ resource: 'card', operation: 'get', cardId, revealCardData: true });
		expect(full.items[0].cardNumber).toMatch(/^4111\d{12}$/);
		expect(full.items[0].cvv).toBe('737');
		const missing = await k.run({ resource: 'card', operation: 'get', cardId: 'kc-404' });
		expect(missing.error.message).toContain('Card not found (CARD_NOT_FOUND)');
	});

	test('transactions come with state, type and direction names', async () => {
		const cardId = await issueCard();
		await k.run({ resource: 'card', operation: 'topUp', idempotencyKey: 'test-card-topUp', cardId, amount: '5.00' });
		await k.control('POST', `/cards/${cardId}/spend`, { amount: '3.50', merchantName: 'Coffee' });
		const result = await k.run({ resource: 'card', operation: 'getTransactions', cardId, returnAll: true });
		expect(result.items).toHaveLength(3);
		expect(result.items[0]).toMatchObject({ cardId, status: 1, statusName: 'Successful', type: 1, typeName: 'Recharge / Mortgage', direction: 1, directionName: 'Income' });
		expect(result.items[2]).toMatchObject({ amount: '3.50', money: { amount: '3.5', currency: 'USD', minor: 350 }, type: 2, typeName: 'Consumption', direction: 2, directionName: 'Expense', merchantName: 'Coffee' });
		// Simplify (on by default) keeps the mapped fields; off gives Kazawallet's whole record
		expect(Object.keys(result.items[2]).every((key) => ['cardId', 'id', 'amount', 'currency', 'money', 'status', 'statusName', 'type', 'typeName', 'direction', 'directionName', 'merchantName', 'transactionAt'].includes(key))).toBe(true);
		const raw = await k.run({ resource: 'card', operation: 'getTransactions', cardId, returnAll: true, simplify: false });
		expect(raw.items[2]).toMatchObject({ reason: expect.any(String), originalAmount: '3.50', cardNumber: expect.stringMatching(/^\*+\d{4}$/) });
		expect(k.state().cards[0].balance).toBe('26.50');
	});

	test('validate code accepts a 3DS code once', async () => {
		const cardId = await issueCard();
		await k.control('POST', `/cards/${cardId}/spend`, { amount: '4.00', threeDS: true });
		const { code } = k.state().challenges[0];
		const first = await k.run({ resource: 'card', operation: 'validateCode', cardId, code });
		expect(first.error).toBeUndefined();
		expect(first.items[0]).toMatchObject({ cardId, response: { success: true, validated: true } });
		expect(k.requests('/wallet-cards/validate-code')[0].body).toEqual({ cardId, code });
		const second = await k.run({ resource: 'card', operation: 'validateCode', cardId, code });
		expect(second.error.message).toContain('Invalid or already used code');
		expect(second.error.message).not.toContain(code);
		expect(k.state().challenges[0].used).toBe(true);
		expect(k.state().cards[0].balance).toBe('21.00');
	});

	test('deprecated create without top-up still works and says so', async () => {
		const result = await k.run({ resource: 'card', operation: 'createWithoutTopUp', idempotencyKey: 'test-card-createWithoutTopUp', email: 'bob@example.com', cardType: 'plus' });
		expect(result.items[0]).toMatchObject({ deprecatedEndpoint: true, card: { balance: '0.00', cardType: 'plus' } });
		expect(k.requests('/wallet-cards/create')[0].body).toEqual({ email: 'bob@example.com', cardType: 'plus' });
		expect(k.state().accounts[DEMO.merchantEmail].USD).toBe('9990.00');
	});
});

describe('gift cards', () => {
	test('create: code and a one-year expiry set by Kazawallet; redeem once', async () => {
		const created = await k.run({ resource: 'giftCard', operation: 'create', idempotencyKey: 'test-giftCard-create', currency: 'USD', amount: '15.00' });
		expect(created.error).toBeUndefined();
		const { code, expiresAt } = created.items[0];
		expect(code).toMatch(/^GC-/);
		const stored = k.state().giftCards[0];
		expect(new Date(expiresAt) - new Date(stored.createdAt)).toBe(365 * 24 * 60 * 60 * 1000);
		expect(k.requests('/gift-card/create')[0].body).toEqual({ giftCardCurrency: 'usd', amount: '15.00' });
		expect(k.state().accounts[DEMO.merchantEmail].USD).toBe('9985.00');

		const redeemed = await k.run({ resource: 'giftCard', operation: 'redeem', giftCardCode: code, userEmail: 'bob@example.com' });
		expect(redeemed.items[0]).toMatchObject({ userEmail: 'bob@example.com', response: { success: true } });
		expect(k.state().accounts['bob@example.com'].USD).toBe('15.00');
		const twice = await k.run({ resource: 'giftCard', operation: 'redeem', giftCardCode: code, userEmail: 'bob@example.com' });
		expect(twice.error.message).toContain('GIFT_CARD_REDEEMED');
		expect(twice.error.message).not.toContain(code);
		expect(k.state().accounts['bob@example.com'].USD).toBe('15.00');
	});
});
