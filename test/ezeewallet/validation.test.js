// Every field the eZeeWallet node validates, with bad values: a NodeOperationError that names the field
// and the item, and not a single request reaches the sandbox.
const { providerKit } = require('../harness/provider');

const kit = providerKit('ezeewallet');
const box = kit.handle;
const run = (parameters, extra = {}) => kit.run(parameters, extra);

const transfer = {
	resource: 'transfer', operation: 'create', merchantTransactionId: 'tx-1', amount: '10', currency: 'EUR',
	sourceWalletId: 'alice@example.com', sourceWalletPassword: 'alice-wallet-pw', returnSuccessUrl: 'https://s.example/ok',
	returnFailureUrl: 'https://s.example/ko', notificationUrl: 'https://s.example/n', merchantWebsite: 's.example',
};
const refund = { resource: 'refund', operation: 'create', merchantTransactionId: 'r-1', ezwReferenceId: '1', amount: '1', currency: 'EUR' };
const payout = { resource: 'payout', operation: 'create', email: 'carol@example.com', amount: '1', currency: 'USD', merchantReference: '={{ "bad-input-" + $itemIndex }}' };
const batch = { ...payout, operation: 'createBatch' };
const list = { resource: 'transfer', operation: 'getMany', filterBy: 'dateRange', startDate: '2024-01-01T00:00:00', endDate: '2024-02-01T00:00:00', returnAll: true };

// An empty required field typed into the editor is already stopped by n8n itself ("Parameter is
// required"); the realistic case is an expression that resolves to nothing, as below.
const cases = [
	// the Idempotency Key defaults to the Merchant Transaction ID: the ledger refuses it first, before anything else
	[transfer, { merchantTransactionId: '={{ $json.missing }}' }, 'Idempotency Key', /is empty/],
	[transfer, { merchantTransactionId: '={{ $json.missing }}', idempotencyKey: 'k' }, 'Merchant Transaction ID', /is required/],
	[transfer, { merchantTransactionId: 'x'.repeat(256) }, 'Merchant Transaction ID', /at most 255 characters/],
	[transfer, { amount: '={{ $json.missing }}' }, 'Amount', /is required/],
	[transfer, { amount: '-1' }, 'Amount', /must be positive/],
	[transfer, { amount: '0' }, 'Amount', /greater than zero/],
	[transfer, { amount: '1.001' }, 'Amount', /more than 2 decimal places for EUR/],
	[transfer, { amount: 'ten' }, 'Amount', /is not a number/],
	[transfer, { amount: "1; DROP TABLE transfers" }, 'Amount', /is not a number/],
	[transfer, { currency: 'EURO' }, 'Currency', /three-letter ISO 4217/],
	[transfer, { currency: '={{ $json.missing }}' }, 'Currency', /required when the amount is in major units/],
	[transfer, { amount: '10.5', amountUnit: 'minor' }, 'Amount', /whole number for minor units/],
	[transfer, { sourceWalletId: 'alice' }, 'Consumer Wallet Email', /email address/],
	[transfer, { sourceWalletId: '"><script>alert(1)</script>@x.com' }, 'Consumer Wallet Email', /email address/],
	[transfer, { sourceWalletPassword: '={{ $json.missing }}' }, 'Consumer Wallet Password', /is required/],
	[transfer, { returnSuccessUrl: 'not a url' }, 'Return Success URL', /full URL/],
	[transfer, { returnFailureUrl: 'ftp://x.example' }, 'Return Failure URL', /https:\/\//],
	[transfer, { notificationUrl: 'javascript:alert(1)' }, 'Notification URL', /https:\/\//],
	[transfer, { merchantWebsite: '={{ $json.missing }}' }, 'Merchant Website', /is required/],
	[transfer, { additionalFields: { usage: 'u'.repeat(256) } }, 'Usage', /at most 255/],
	[refund, { ezwReferenceId: '={{ $json.missing }}' }, 'Transfer', /is required/],
	[refund, { currency: '={{ $json.missing }}' }, 'Currency', /is required/],
	[refund, { additionalFields: { notificationUrl: 'nope' } }, 'Notification URL', /full URL/],
	[payout, { email: 'carol@' }, 'Consumer Email', /email address/],
	[payout, { amount: '1.5', currency: 'JPY' }, 'Amount', /whole number for JPY/],
	[payout, { merchantReference: 'r'.repeat(300), idempotencyKey: '={{ "k" + $itemIndex }}' }, 'Merchant Reference', /at most 255/],
	[payout, { merchantReference: '' }, 'Idempotency Key', /is empty/],
	[batch, { merchantReference: '', idempotencyKey: '={{ "k" + $itemIndex }}' }, 'Merchant Reference', /is required for batch payouts/],
	[batch, { merchantReference: 'same' }, 'Merchant Reference', /is also the reference of item 0/, 1],
	[payout, { additionalFields: { notificationUrl: 'http//x' } }, 'Notification URL', /full URL/],
	[batch, { amount: '0.001' }, 'Amount', /more than 2 decimal places/],
	[batch, { batchOptions: { batchSize: 0 } }, 'Recipients per Request', /at least 1/],
	[{ resource: 'account', operation: 'get', email: 'x@y' }, {}, 'Consumer Email', /email address/],
	[{ resource: 'transaction', operation: 'get', ezwReferenceId: '   ' }, {}, 'Transaction', /is required/],
	[list, { startDate: 'yesterday' }, 'Start Date', /is not a date/],
	[list, { endDate: '2023-01-01T00:00:00' }, 'End Date', /not be before the Start Date/],
	[list, { returnAll: false, limit: 0 }, 'Limit', /at least 1/],
];

describe('bad input is refused before anything is sent', () => {
	test.each(cases.map(([base, change, field, problem, item = 0]) => [`${base.resource}.${base.operation}`, field, JSON.stringify(change).slice(0, 60), base, change, problem, item]))(
		'%s: %s %s',
		async (_op, field, _label, base, change, problem, item) => {
			const result = await run({ ...base, ...change }, { items: [{}, {}] });
			expect(result.error).toBeDefined();
			expect(result.error.name).toBe('NodeOperationError');
			expect(result.error.message).toMatch(new RegExp(`^Invalid ${field.replace(/[()]/g, '\\$&')} \\[item ${item}\\]: `));
			expect(result.error.message).toMatch(problem);
			expect(result.error.context.itemIndex).toBe(item);
			expect(box.sandbox.count({ provider: 'ezeewallet' })).toBe(0);
			expect(result.error.message).not.toContain('alice-wallet-pw');
		},
	);

	test('with continue-on-fail, good items succeed and the bad one is an error item in its place', async () => {
		const items = [{ email: 'carol@example.com' }, { email: 'broken' }, { email: 'carol@example.com' }];
		const result = await run({ ...payout, email: '={{ $json.email }}' }, { items, continueOnFail: true });
		expect(result.items).toHaveLength(3);
		expect(result.items[0].response.status).toBe('pending');
		expect(result.items[1]).toEqual({ error: 'Invalid Consumer Email [item 1]: must be an email address such as name@example.com', errorDescription: 'Fix the "Consumer Email" parameter for item 1. Nothing was sent for this item.' });
		expect(result.items[2].response.status).toBe('pending');
		expect(result.raw.map((i) => i.pairedItem.item)).toEqual([0, 1, 2]);
		expect(box.sandbox.count({ path: '/single_payouts_new' })).toBe(2);
	});

	test('without continue-on-fail, the first bad item stops the run: items after it are not sent', async () => {
		const items = [{ email: 'carol@example.com' }, { email: 'broken' }, { email: 'carol@example.com' }];
		const result = await run({ ...payout, email: '={{ $json.email }}' }, { items });
		expect(result.error.message).toMatch(/\[item 1\]/);
		expect(box.sandbox.count({ path: '/single_payouts_new' })).toBe(1);
	});
});
