'use strict';
// Every validated field with a bad value: a clear error naming the field and the item, and nothing sent.
const { providerKit } = require('../harness/provider');

const k = providerKit('kazawallet');
const { DEMO } = k;

const methodFields = { field: [{ name: 'wallet_address', value: 'T1' }] };
// Required fields that are empty are given by an expression: n8n itself blocks a literally empty one.
const cases = [
	['payment link: negative amount', { resource: 'paymentLink', operation: 'create', amount: '-5', currency: 'USD' }, 'Invalid Amount [item 0]: must be positive'],
	['payment link: zero', { resource: 'paymentLink', operation: 'create', amount: '0.00', currency: 'USD' }, 'Invalid Amount [item 0]: must be greater than zero'],
	['payment link: three decimals for USD', { resource: 'paymentLink', operation: 'create', amount: '10.123', currency: 'USD' }, 'has more than 2 decimal places for USD'],
	['payment link: decimals for JPY', { resource: 'paymentLink', operation: 'create', amount: '10.5', currency: 'JPY' }, 'must be a whole number for JPY'],
	['payment link: not a number', { resource: 'paymentLink', operation: 'create', amount: '1,000', currency: 'USD' }, '"1,000" is not a number'],
	['payment link: empty amount', { resource: 'paymentLink', operation: 'create', amount: '={{ "" }}', currency: 'USD' }, 'Invalid Amount [item 0]: is required'],
	['payment link: currency', { resource: 'paymentLink', operation: 'create', amount: '1', currency: 'U$' }, 'Invalid Currency [item 0]'],
	['payment link: merchant email', { resource: 'paymentLink', operation: 'create', amount: '1', currency: 'USD', email: 'not-an-email' }, 'Invalid Merchant Email [item 0]'],
	['payment link: redirect URL', { resource: 'paymentLink', operation: 'create', amount: '1', currency: 'USD', redirectUrl: 'ftp://x.example.com' }, 'Invalid Redirect URL [item 0]'],
	['withdrawal: email', { resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: 'x@', currency: 'USDT', amount: '1', paymentMethod: '15', methodFields }, 'Invalid Email [item 0]'],
	['withdrawal: 9 decimals of USDT', { resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: 'alice@example.com', currency: 'USDT', amount: '1.123456789', paymentMethod: '15', methodFields }, 'has more than 8 decimal places for USDT'],
	['withdrawal: payment method', { resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: 'alice@example.com', currency: 'USDT', amount: '1', paymentMethod: 'trc20', methodFields }, 'Invalid Payment Method [item 0]'],
	['withdrawal: field listed twice', { resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: 'alice@example.com', currency: 'USDT', amount: '1', paymentMethod: '15', methodFields: { field: [{ name: 'memo', value: 'a' }, { name: 'memo', value: 'b' }] } }, 'Invalid Method Fields [item 0]: lists "memo" twice'],
	['withdrawal: field without name', { resource: 'withdrawal', operation: 'create', idempotencyKey: 'test-withdrawal-create', email: 'alice@example.com', currency: 'USDT', amount: '1', paymentMethod: '15', methodFields: { field: [{ name: '', value: 'a' }] } }, 'Invalid Method Fields › Field Name [item 0]'],
	['deposit: user email', { resource: 'deposit', operation: 'create', email: '={{ "" }}', currency: 'USDT', amount: '1', paymentMethod: '15' }, 'Invalid User Email [item 0]: is required'],
	['deposit: amount', { resource: 'deposit', operation: 'create', email: 'alice@example.com', currency: 'USDT', amount: 'ten', paymentMethod: '15' }, 'Invalid Amount [item 0]'],
	['transfer: amount', { resource: 'transfer', operation: 'create', idempotencyKey: 'test-transfer-create', email: 'alice@example.com', currency: 'USD', amount: '1e3' }, 'Invalid Amount [item 0]'],
	['transfer: email', { resource: 'transfer', operation: 'create', idempotencyKey: 'test-transfer-create', email: 'alice', currency: 'USD', amount: '1' }, 'Invalid User Email [item 0]'],
	['card issue: amount decimals', { resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email: 'alice@example.com', amount: '5.001', cardType: 'basic' }, 'has more than 2 decimal places for USD'],
	['card issue: tier', { resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email: 'alice@example.com', amount: '5', cardType: 'gold' }, 'Invalid Card Type [item 0]: must be one of: basic, plus'],
	['card issue: email', { resource: 'card', operation: 'issue', idempotencyKey: 'test-card-issue', email: 'nope', amount: '5', cardType: 'basic' }, 'Invalid User Email [item 0]'],
	['card create (deprecated): email', { resource: 'card', operation: 'createWithoutTopUp', idempotencyKey: 'test-card-createWithoutTopUp', email: '={{ "" }}', cardType: 'basic' }, 'Invalid User Email [item 0]'],
	['card top up: card id', { resource: 'card', operation: 'topUp', idempotencyKey: 'test-card-topUp', cardId: ' ', amount: '5' }, 'Invalid Card ID [item 0]: is required'],
	['card top up: amount', { resource: 'card', operation: 'topUp', idempotencyKey: 'test-card-topUp', cardId: 'kc-1', amount: '-1' }, 'Invalid Amount [item 0]: must be positive'],
	['card cancel: card id', { resource: 'card', operation: 'cancel', cardId: '={{ "" }}' }, 'Invalid Card ID [item 0]'],
	['card lock: card id', { resource: 'card', operation: 'lock', cardId: '={{ "" }}' }, 'Invalid Card ID [item 0]'],
	['card unlock: card id', { resource: 'card', operation: 'unlock', cardId: '={{ "" }}' }, 'Invalid Card ID [item 0]'],
	['card get: card id', { resource: 'card', operation: 'get', cardId: '={{ "" }}' }, 'Invalid Card ID [item 0]'],
	['card transactions: card id', { resource: 'card', operation: 'getTransactions', cardId: '={{ "" }}', returnAll: true }, 'Invalid Card ID [item 0]'],
	['card transactions: limit', { resource: 'card', operation: 'getTransactions', cardId: 'kc-1', returnAll: false, limit: 0 }, 'Invalid Limit [item 0]'],
	['card list: email filter', { resource: 'card', operation: 'getMany', returnAll: true, email: 'x@y' }, 'Invalid User Email [item 0]'],
	['validate code: code', { resource: 'card', operation: 'validateCode', cardId: 'kc-1', code: '={{ "" }}' }, 'Invalid Code [item 0]: is required'],
	['gift card create: amount', { resource: 'giftCard', operation: 'create', idempotencyKey: 'test-giftCard-create', currency: 'USD', amount: '0' }, 'Invalid Amount [item 0]: must be greater than zero'],
	['gift card create: currency', { resource: 'giftCard', operation: 'create', idempotencyKey: 'test-giftCard-create', currency: '12', amount: '5' }, 'Invalid Currency [item 0]'],
	['gift card redeem: code', { resource: 'giftCard', operation: 'redeem', giftCardCode: '={{ "" }}', userEmail: 'bob@example.com' }, 'Invalid Gift Card Code [item 0]'],
	['gift card redeem: email', { resource: 'giftCard', operation: 'redeem', giftCardCode: 'GC-1', userEmail: 'bob' }, 'Invalid User Email [item 0]'],
	['balances: currency filter', { resource: 'wallet', operation: 'getBalances', currency: 'US DOLLAR' }, 'Invalid Currency [item 0]'],
	['amount out of range', { resource: 'transfer', operation: 'create', idempotencyKey: 'test-transfer-create', email: 'alice@example.com', currency: 'USD', amount: '1000000000000' }, 'Invalid Amount [item 0]: is out of range: at most 12 digits before the decimal point'],
	['card id: path', { resource: 'card', operation: 'topUp', idempotencyKey: 'test-card-topUp', cardId: '../../admin', amount: '5' }, 'Invalid Card ID [item 0]: must be a card ID such as kc-123'],
	['card id: line break', { resource: 'card', operation: 'cancel', cardId: 'kc-1\r\nX-Injected: 1' }, 'Invalid Card ID [item 0]'],
	['card id: quote', { resource: 'card', operation: 'get', cardId: "kc-1' OR '1'='1" }, 'Invalid Card ID [item 0]'],
	['validate code: line break', { resource: 'card', operation: 'validateCode', cardId: 'kc-1', code: '1234\r\n5678' }, 'Invalid Code [item 0]: must be the code as received'],
	['gift card redeem: spaces in code', { resource: 'giftCard', operation: 'redeem', giftCardCode: 'GC-1; rm -rf /', userEmail: 'bob@example.com' }, 'Invalid Gift Card Code [item 0]'],
	['method fields: payment method', { resource: 'wallet', operation: 'getPaymentMethodFields', paymentMethod: 'x' }, 'Invalid Payment Method [item 0]'],
];

describe('bad input is refused before anything is sent', () => {
	test.each(cases)('%s', async (_name, parameters, message) => {
		const result = await k.run(parameters);
		expect(result.error).toBeDefined();
		expect(result.error.message).toContain(message);
		expect(k.count()).toBe(0);
	});

	test('the second item fails without sending it; the first item was sent once', async () => {
		const result = await k.run(
			{ resource: 'transfer', operation: 'create', idempotencyKey: '={{ "transfer-" + $itemIndex }}', email: 'alice@example.com', currency: 'USD', amount: '={{ $json.amount }}' },
			{ items: [{ amount: '1.00' }, { amount: '1.001' }] },
		);
		expect(result.error.message).toContain('Invalid Amount [item 1]');
		expect(k.count({ path: '/transfer-from-merchant-to-user' })).toBe(1);
		expect(k.state().accounts['alice@example.com'].USD).toBe('101.00');
	});

	test('with Continue On Fail, the bad item becomes an error item and the good one is sent', async () => {
		const result = await k.run(
			{ resource: 'transfer', operation: 'create', idempotencyKey: '={{ "transfer-" + $itemIndex }}', email: 'alice@example.com', currency: 'USD', amount: '={{ $json.amount }}' },
			{ items: [{ amount: 'abc' }, { amount: '2.00' }], continueOnFail: true },
		);
		expect(result.items[0].error).toContain('Invalid Amount [item 0]');
		expect(result.items[1].response.transfer.amount).toBe('2.00');
		expect(result.raw.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(k.count({ path: '/transfer-from-merchant-to-user' })).toBe(1);
	});
});
