'use strict';
// Card transactions: spending through the sandbox, then paging with KazePay's limits (page size
// 1-100, pages 1-10), Return All, Limit, the filters (times read in the workflow's time zone), Simplify
// and money.
const { providerKit } = require('../harness/provider');
const { seedCard } = require('./fixtures');

const kit = providerKit('kazepay');
const received = () => kit.state().received.filter((r) => r.apiCode === 'queryTransactions').map((r) => JSON.parse(r.plaintext));

async function cardWithSpending(count) {
	const card = seedCard(kit.sandbox, { balance: 100_000 });
	for (let i = 1; i <= count; i++) await kit.control('POST', `/cards/${card.cardID}/spend`, { amount: i, merchantName: `SHOP ${i}` });
	return card;
}

const list = (cardId, extra = {}) => ({ resource: 'transaction', operation: 'getMany', cardId, ...extra });

test('spending shows up as transactions and moves the card balance; Simplify keeps the mapped fields and adds money', async () => {
	const card = await cardWithSpending(3);
	expect(card.balance).toBe(100_000 - 600);
	const result = await kit.run(list(card.cardID, { returnAll: true }));
	expect(result.items.map((t) => t.merchantName)).toEqual(['SHOP 3', 'SHOP 2', 'SHOP 1']);
	expect(result.items[0]).toMatchObject({ transType: 'Expenditure', transStatus: 'Success', cardCurrencyAmt: -3, money: { amount: '-3', currency: 'USD', minor: -300 } });
	expect(result.items[0]).not.toHaveProperty('respCode');
	expect(result.raw.every((item) => item.pairedItem.item === 0)).toBe(true);
});

test('Simplify off: each transaction untouched under response, beside money', async () => {
	const card = await cardWithSpending(1);
	const result = await kit.run(list(card.cardID, { returnAll: true, simplify: false }));
	const stored = kit.state().transactions[0];
	expect(result.items).toEqual([
		{
			money: { amount: '-1', currency: 'USD', minor: -100 },
			response: expect.objectContaining({ cardID: card.cardID, transactionId: stored.transactionId, cardCurrencyAmt: -1, respCode: '000000', respCodeDesc: 'SUCCESS' }),
		},
	]);
});

test('Return All walks the pages until a short page', async () => {
	const card = await cardWithSpending(25);
	const result = await kit.run(list(card.cardID, { returnAll: true, options: { pageSize: 10 } }));
	expect(result.items).toHaveLength(25);
	expect(new Set(result.items.map((t) => t.transactionId)).size).toBe(25);
	expect(received().map((q) => [q.pageNum, q.pageSize])).toEqual([[1, 10], [2, 10], [3, 10]]);
});

test('Return All stops at page 10, the last page KazePay serves', async () => {
	const card = await cardWithSpending(12);
	const result = await kit.run(list(card.cardID, { returnAll: true, options: { pageSize: 1 } }));
	expect(result.items).toHaveLength(10);
	expect(received().map((q) => q.pageNum)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('Limit stops as soon as enough are read; Start Page is where it begins', async () => {
	const card = await cardWithSpending(25);
	const limited = await kit.run(list(card.cardID, { returnAll: false, limit: 12, options: { pageSize: 10 } }));
	expect(limited.items).toHaveLength(12);
	expect(received().map((q) => q.pageNum)).toEqual([1, 2]);
	const fromPage3 = await kit.run(list(card.cardID, { returnAll: true, options: { pageSize: 10, pageNum: 3 } }));
	expect(fromPage3.items.map((t) => t.merchantName)).toEqual(['SHOP 5', 'SHOP 4', 'SHOP 3', 'SHOP 2', 'SHOP 1']);
});

test('filters: transaction ID and time range are sent as KazePay names them (yyyy-MM-dd HH:mm:ss, UTC)', async () => {
	const card = await cardWithSpending(2);
	const target = kit.state().transactions[0];
	const byId = await kit.run(list(card.cardID, { returnAll: true, filters: { transactionId: target.transactionId } }));
	expect(byId.items.map((t) => t.transactionId)).toEqual([target.transactionId]);
	const none = await kit.run(list(card.cardID, { returnAll: true, filters: { transactionStartTime: '2000-01-01T00:00:00', transactionEndTime: '2000-01-02 00:00:00' } }), { settings: { timezone: 'UTC' } });
	expect(none.items).toEqual([]);
	expect(received()[1]).toEqual({ cardID: card.cardID, transactionStartTime: '2000-01-01 00:00:00', transactionEndTime: '2000-01-02 00:00:00', pageSize: 100, pageNum: 1 });
});

test("date-time filters without a zone are the workflow's time zone (Asia/Tehran, +03:30), sent to KazePay in UTC", async () => {
	const card = seedCard(kit.sandbox);
	await kit.run(
		list(card.cardID, { returnAll: true, filters: { transactionStartTime: '2026-03-01T00:00:00', transactionEndTime: '2026-03-01T12:00:00Z' } }),
		{ settings: { timezone: 'Asia/Tehran' } },
	);
	// midnight in Tehran is 20:30 the day before in UTC; a value with a zone is that instant whatever the zone
	expect(received()[0]).toMatchObject({ transactionStartTime: '2026-02-28 20:30:00', transactionEndTime: '2026-03-01 12:00:00' });
	const backwards = await kit.run(list(card.cardID, { returnAll: true, filters: { transactionStartTime: '2026-03-02T00:00:00', transactionEndTime: '2026-03-01T00:00:00' } }), { continueOnFail: true });
	expect(backwards.items[0].error).toMatch(/To.*must not be before From/);
	expect(received()).toHaveLength(1);
});

test('a declined spend on a frozen card is recorded as declined and does not move the balance', async () => {
	const card = seedCard(kit.sandbox, { balance: 1000 });
	await kit.run({ resource: 'card', operation: 'setStatus', cardId: card.cardID, status: 'INACTIVE' });
	const declined = await kit.control('POST', `/cards/${card.cardID}/spend`, { amount: 5 });
	expect(declined.body).toMatchObject({ transStatus: 'Declined', respCode: '000062' });
	expect(card.balance).toBe(1000);
	const result = await kit.run(list(card.cardID, { returnAll: true, simplify: false }));
	expect(result.items).toEqual([{ money: { amount: '-5', currency: 'USD', minor: -500 }, response: expect.objectContaining({ transStatus: 'Declined', respCodeDesc: 'Restricted card' }) }]);
});

describe('Transaction locator (Filters → Transaction)', () => {
	test("From list: the card's transactions, newest first, named by time, merchant and amount, filtered by the typed text", async () => {
		const card = await cardWithSpending(3);
		const all = await kit.listSearch('searchTransactions', undefined, { cardId: card.cardID });
		const stored = kit.state().transactions;
		expect(all.results.map((r) => r.value)).toEqual([stored[2].transactionId, stored[1].transactionId, stored[0].transactionId]);
		expect(all.results[0].name).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} · SHOP 3 · -3 USD$/);
		const filtered = await kit.listSearch('searchTransactions', 'shop 2', { cardId: card.cardID });
		expect(filtered.results.map((r) => r.value)).toEqual([stored[1].transactionId]);
		// one read per search: pageNum 1, 100 per page
		expect(received().map((q) => [q.cardID, q.pageNum, q.pageSize])).toEqual([[card.cardID, 1, 100], [card.cardID, 1, 100]]);
	});

	test('From list without a Card ID says what to enter and calls nothing', async () => {
		await expect(kit.listSearch('searchTransactions', undefined, {})).rejects.toThrow(/Enter a Card ID first/);
		await expect(kit.listSearch('searchTransactions', undefined, { cardId: '={{ $json.cardID }}' })).rejects.toThrow(/needs a fixed Card ID/);
		expect(kit.count()).toBe(0);
	});

	test('the picked value, an ID typed By ID, and the plain text of a workflow saved before the locator all filter the same way', async () => {
		const card = await cardWithSpending(2);
		const target = kit.state().transactions[0].transactionId;
		for (const value of [{ __rl: true, mode: 'list', value: target }, { __rl: true, mode: 'id', value: target }, target]) {
			const result = await kit.run(list(card.cardID, { returnAll: true, filters: { transactionId: value } }));
			expect(result.items.map((t) => t.transactionId)).toEqual([target]);
		}
		expect(received().map((q) => q.transactionId)).toEqual([target, target, target]);
		const bad = await kit.run(list(card.cardID, { returnAll: true, filters: { transactionId: { __rl: true, mode: 'id', value: "LM1' OR '1'='1" } } }), { continueOnFail: true });
		expect(bad.items[0].error).toMatch(/Invalid Transaction ID \[item 0\]: must be a transaction ID as KazePay returns it/);
		expect(received()).toHaveLength(3);
	});
});
